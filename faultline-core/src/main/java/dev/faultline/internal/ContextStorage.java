package dev.faultline.internal;

import dev.faultline.context.CallContext;
import dev.faultline.context.StrictContext;
import org.jspecify.annotations.Nullable;

/**
 * Where the current {@link CallContext} of each thread lives. {@link #attach} and {@link #restore}
 * are the only writes: {@code makeCurrent()}, {@code wrap} and the executor decorators all go
 * through them, so that a task can run under a context without a {@code Scope} object. The root
 * context is never stored (the slot holds null), so an idle thread keeps nothing alive.
 *
 * <pre>{@code
 * CallContext previous = ContextStorage.attach(context);
 * try {
 *   task.run();
 * } finally {
 *   ContextStorage.restore(context, previous);
 * }
 * }</pre>
 */
public final class ContextStorage {
  private static final ThreadLocal<@Nullable CallContext> CURRENT = new ThreadLocal<>();

  private ContextStorage() {}

  /** The context of this thread as stored: null stands for the root context. */
  public static @Nullable CallContext stored() {
    return CURRENT.get();
  }

  /** Makes {@code context} current on this thread and returns the one it replaces (as stored). */
  public static @Nullable CallContext attach(CallContext context) {
    CallContext previous = CURRENT.get();
    CURRENT.set(context.isRoot() ? null : context);
    ContextListeners.changed(context);
    return previous;
  }

  /**
   * Makes {@code previous} current again, undoing the {@link #attach} of {@code expected}. When
   * {@code expected} is not current (a scope opened after it was not closed) the problem is
   * reported once, and under {@link StrictContext} an {@link IllegalStateException} is thrown;
   * either way {@code previous} is current afterwards.
   */
  public static void restore(CallContext expected, @Nullable CallContext previous) {
    CallContext current = CURRENT.get();
    CallContext restored = previous == null || previous.isRoot() ? null : previous;
    CURRENT.set(restored);
    ContextListeners.changed(restored == null ? CallContext.root() : restored);
    if (current != (expected.isRoot() ? null : expected)) {
      outOfOrder();
    }
  }

  private static void outOfOrder() {
    String problem =
        "A Faultline scope was closed out of order: the current context is not the one it made"
            + " current (a scope opened inside it was not closed, or it was closed on another"
            + " thread); the context from before it was restored";
    Warnings.once("context:out-of-order", problem);
    if (StrictContext.isEnabled()) {
      throw new IllegalStateException(problem);
    }
  }
}
