package dev.faultline.context;

/**
 * The time during which a context is current on a thread, from {@link CallContext#makeCurrent()}
 * until {@link #close()}; use it in try-with-resources.
 *
 * <pre>{@code
 * try (Scope scope = context.makeCurrent()) {
 *   handle(request);   // CallContext.current() is context here
 * }
 * }</pre>
 */
public interface Scope extends AutoCloseable {
  /**
   * Makes the context from before this scope current again. A second call does nothing; a call
   * while a scope opened inside this one is still open is reported (and throws under {@link
   * StrictContext}), but still restores.
   */
  @Override
  void close();
}
