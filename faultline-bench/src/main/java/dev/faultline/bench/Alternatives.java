package dev.faultline.bench;

import com.alibaba.ttl.TransmittableThreadLocal;
import com.alibaba.ttl.threadpool.TtlExecutors;
import dev.faultline.concurrent.FaultlineExecutors;
import dev.faultline.context.CallContext;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextScheduledExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The context-propagating executor decorators compared in the benchmarks and in the compatibility
 * test, each with a value of its own to carry, set up the way each library's documentation says.
 */
public enum Alternatives {
  /** No decorator, no context: the baseline. */
  PLAIN("plain ThreadPoolExecutor"),
  /** Faultline's decorator, nothing current on the submitting thread. */
  FAULTLINE_NO_CONTEXT("Faultline, no context current"),
  /** Faultline's decorator with a {@link CallContext} current on the submitting thread. */
  FAULTLINE("Faultline, context current"),
  /** TransmittableThreadLocal's {@code TtlExecutors}, with a TTL value set. */
  TTL("TransmittableThreadLocal TtlExecutors"),
  /** OpenTelemetry's {@code Context.taskWrapping}, with a value in the current context. */
  OTEL("OpenTelemetry Context.taskWrapping"),
  /** Micrometer's {@code ContextExecutorService}, with a registered ThreadLocalAccessor. */
  MICROMETER("Micrometer ContextExecutorService");

  /** The value TTL carries. */
  public static final TransmittableThreadLocal<String> TTL_VALUE = new TransmittableThreadLocal<>();

  /** The key of the value OpenTelemetry carries. */
  public static final ContextKey<String> OTEL_KEY = ContextKey.named("faultline-bench");

  /** The thread-local Micrometer's registered accessor captures and restores. */
  public static final ThreadLocal<String> MICROMETER_VALUE = new ThreadLocal<>();

  private static final ContextSnapshotFactory SNAPSHOTS =
      ContextSnapshotFactory.builder()
          .contextRegistry(
              new ContextRegistry()
                  .registerThreadLocalAccessor("faultline-bench", MICROMETER_VALUE))
          .build();

  private final String title;

  Alternatives(String title) {
    this.title = title;
  }

  /** What the report calls this alternative. */
  public String title() {
    return title;
  }

  /** {@code pool} decorated by this library (the pool itself for {@link #PLAIN}). */
  public ExecutorService wrap(ExecutorService pool) {
    switch (this) {
      case PLAIN:
        return pool;
      case FAULTLINE_NO_CONTEXT:
      case FAULTLINE:
        return FaultlineExecutors.wrap(pool);
      case TTL:
        return TtlExecutors.getTtlExecutorService(pool);
      case OTEL:
        return Context.taskWrapping(pool);
      case MICROMETER:
        return ContextExecutorService.wrap(pool, SNAPSHOTS);
    }
    throw new AssertionError(this);
  }

  /** {@code pool} decorated by this library (the pool itself for {@link #PLAIN}). */
  public ScheduledExecutorService wrap(ScheduledExecutorService pool) {
    switch (this) {
      case PLAIN:
        return pool;
      case FAULTLINE_NO_CONTEXT:
      case FAULTLINE:
        return FaultlineExecutors.wrap(pool);
      case TTL:
        return TtlExecutors.getTtlScheduledExecutorService(pool);
      case OTEL:
        return Context.taskWrapping(pool);
      case MICROMETER:
        return ContextScheduledExecutorService.wrap(pool, () -> SNAPSHOTS.captureAll());
    }
    throw new AssertionError(this);
  }

  /**
   * Makes {@code value} this library's current value on the calling thread; closing undoes it.
   * Nothing is made current for {@link #PLAIN} and {@link #FAULTLINE_NO_CONTEXT}.
   */
  public AutoCloseable enter(String value) {
    switch (this) {
      case PLAIN:
      case FAULTLINE_NO_CONTEXT:
        return () -> {};
      case FAULTLINE:
        return CallContext.newTrace().withService(value).makeCurrent()::close;
      case TTL:
        TTL_VALUE.set(value);
        return TTL_VALUE::remove;
      case OTEL:
        return Context.current().with(OTEL_KEY, value).makeCurrent()::close;
      case MICROMETER:
        MICROMETER_VALUE.set(value);
        return MICROMETER_VALUE::remove;
    }
    throw new AssertionError(this);
  }

  /** This library's current value on the calling thread, or null. */
  public @Nullable String current() {
    switch (this) {
      case PLAIN:
      case FAULTLINE_NO_CONTEXT:
        return null;
      case FAULTLINE:
        return CallContext.current().service();
      case TTL:
        return TTL_VALUE.get();
      case OTEL:
        return Context.current().get(OTEL_KEY);
      case MICROMETER:
        return MICROMETER_VALUE.get();
    }
    throw new AssertionError(this);
  }
}
