package dev.faultline.journal;

import dev.faultline.Fault;
import jdk.jfr.FlightRecorder;

/**
 * Commits one JDK Flight Recorder event per record: {@code dev.faultline.Fault} ("Faultline Fault",
 * category Faultline) with the fields kind, code, reason, domain, message, service, traceId,
 * spanId, instanceId, exception, thread, task and reportTime. Without a recording that enables the
 * event, a record costs one check.
 *
 * <pre>
 * java -XX:StartFlightRecording:filename=app.jfr … ; jfr print --events dev.faultline.Fault app.jfr
 * </pre>
 */
public final class JfrSink implements JournalSink {
  private JfrSink() {}

  /**
   * A sink that commits {@code dev.faultline.Fault} events; registers the event type so that
   * recordings can list it before the first fault.
   *
   * @throws NoClassDefFoundError when the runtime lacks the {@code jdk.jfr} module
   */
  public static JfrSink create() {
    FlightRecorder.register(FaultEvent.class);
    return new JfrSink();
  }

  /** Commits the record's event when a recording enables it. */
  @Override
  public void write(FaultRecord record) {
    FaultEvent event = new FaultEvent();
    if (!event.isEnabled()) {
      return;
    }
    Fault fault = record.fault();
    event.kind = record.kind().wireName();
    event.code = fault.code().name();
    event.reason = fault.reason();
    event.domain = fault.domain();
    event.message = fault.message();
    event.service = record.service();
    event.traceId = record.traceId();
    event.spanId = record.spanId();
    event.instanceId = fault.instanceId();
    event.exception = record.exception();
    event.thread = record.thread();
    event.task = record.task();
    event.reportTime = record.time().toEpochMilli();
    event.commit();
  }
}
