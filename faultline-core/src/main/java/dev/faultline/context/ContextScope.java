package dev.faultline.context;

import dev.faultline.internal.ContextStorage;
import org.jspecify.annotations.Nullable;

/** The scope of one {@link CallContext#makeCurrent()}; closes once. */
final class ContextScope implements Scope {
  /** The scope of a context that was already current: there is nothing to restore. */
  static final Scope NOOP = () -> {};

  private final CallContext attached;
  private final @Nullable CallContext previous;
  private boolean closed;

  ContextScope(CallContext attached, @Nullable CallContext previous) {
    this.attached = attached;
    this.previous = previous;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      ContextStorage.restore(attached, previous);
    }
  }
}
