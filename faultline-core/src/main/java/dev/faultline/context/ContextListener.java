package dev.faultline.context;

/**
 * Told on the thread whenever its current {@link CallContext} changes, to mirror the context
 * somewhere else (the logging MDC, a profiler's labels). Register an implementation with {@link
 * java.util.ServiceLoader} in {@code META-INF/services/dev.faultline.context.ContextListener}; it
 * is loaded once. It must be fast and must not throw: one that throws is skipped and reported once.
 */
public interface ContextListener {
  /**
   * Called on the thread after every attach and every restore, with the context that is now current
   * ({@link CallContext#root()} when none is).
   */
  void contextChanged(CallContext current);
}
