package dev.faultline.context;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A point in time by which a call must be done, kept on {@link System#nanoTime()} so that a clock
 * change cannot move it. It crosses a process boundary only as a relative budget.
 *
 * <pre>{@code
 * Deadline deadline = Deadline.after(Duration.ofSeconds(2));
 * if (deadline.isExpired()) { ... }
 * }</pre>
 */
public final class Deadline {
  /** Budgets are clamped to this (about 73 years) so that the nanosecond arithmetic never wraps. */
  private static final long MAX_NANOS = Long.MAX_VALUE / 4;

  private final long nanos;

  private Deadline(long nanos) {
    this.nanos = nanos;
  }

  /** The deadline {@code budget} from now; a zero or negative budget gives an expired deadline. */
  public static Deadline after(Duration budget) {
    long now = System.nanoTime();
    if (budget.isNegative()) {
      return new Deadline(now);
    }
    long seconds = budget.getSeconds();
    long budgetNanos =
        seconds >= MAX_NANOS / 1_000_000_000L
            ? MAX_NANOS
            : seconds * 1_000_000_000L + budget.getNano();
    return new Deadline(now + budgetNanos);
  }

  /** The time left; {@link Duration#ZERO} once the deadline has passed, never negative. */
  public Duration remaining() {
    long left = remainingNanos();
    return left == 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  /** Whether the deadline has passed. */
  public boolean isExpired() {
    return remainingNanos() == 0;
  }

  /** The earlier of this deadline and {@code other}; this one when {@code other} is null. */
  public Deadline earliest(@Nullable Deadline other) {
    return other != null && other.nanos - nanos < 0 ? other : this;
  }

  /** The whole milliseconds left, rounded down, never negative: what is sent to the next hop. */
  long remainingMillis() {
    return remainingNanos() / 1_000_000L;
  }

  private long remainingNanos() {
    long left = nanos - System.nanoTime();
    return left > 0 ? left : 0;
  }

  /** The time left, for logs. */
  @Override
  public String toString() {
    return "Deadline[remaining=" + remaining() + "]";
  }
}
