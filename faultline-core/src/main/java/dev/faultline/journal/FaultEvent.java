package dev.faultline.journal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timestamp;
import org.jspecify.annotations.Nullable;

/**
 * The JFR event of one reported fault. Committed on the journal's thread, so the event's own thread
 * and stack say nothing: {@code thread} and {@code reportTime} say where and when.
 */
@Name(FaultEvent.NAME)
@Label("Faultline Fault")
@Category("Faultline")
@Description("A fault reported to the Faultline journal")
@StackTrace(false)
final class FaultEvent extends Event {
  static final String NAME = "dev.faultline.Fault";

  @Label("Kind")
  @Nullable String kind;

  @Label("Code")
  @Nullable String code;

  @Label("Reason")
  @Nullable String reason;

  @Label("Domain")
  @Nullable String domain;

  @Label("Message")
  @Nullable String message;

  @Label("Service")
  @Nullable String service;

  @Label("Trace Id")
  @Nullable String traceId;

  @Label("Span Id")
  @Nullable String spanId;

  @Label("Instance Id")
  @Nullable String instanceId;

  @Label("Exception")
  @Nullable String exception;

  @Label("Thread")
  @Description("The name of the thread that reported the fault")
  @Nullable String thread;

  @Label("Task")
  @Nullable String task;

  @Label("Report Time")
  @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
  long reportTime;
}
