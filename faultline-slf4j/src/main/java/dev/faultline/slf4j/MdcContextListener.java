package dev.faultline.slf4j;

import dev.faultline.context.CallContext;
import dev.faultline.context.ContextListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Mirrors the current {@link CallContext} into the SLF4J {@link MDC}: {@value #TRACE_ID}, {@value
 * #SPAN_ID} and {@value #SERVICE} are set while a context that has them is current, and removed
 * when one without them (the root context) is current again. Registered through {@code
 * META-INF/services}, so adding the jar is enough; a log pattern such as {@code %X{traceId}} then
 * shows the trace of each line.
 */
public final class MdcContextListener implements ContextListener {
  /** The MDC key of the trace id (32 lowercase hex digits). */
  public static final String TRACE_ID = "traceId";

  /** The MDC key of the span id (16 lowercase hex digits). */
  public static final String SPAN_ID = "spanId";

  /** The MDC key of the service name. */
  public static final String SERVICE = "service";

  /** Created by {@link java.util.ServiceLoader}. */
  public MdcContextListener() {}

  /** Sets or removes the three MDC keys of this thread to match {@code current}. */
  @Override
  public void contextChanged(CallContext current) {
    put(TRACE_ID, current.traceId());
    put(SPAN_ID, current.spanId());
    put(SERVICE, current.service());
  }

  private static void put(String key, @Nullable String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
