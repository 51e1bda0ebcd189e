package dev.faultline.kafka;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Bounded, jittered exponential back-off: attempt {@code n} waits between half and all of {@code
 * initial × 2^(n-1)}, never more than {@code max}; a fault's retry-after hint, when longer, wins
 * (still bounded by {@code max}).
 */
final class Backoff {
  private final long initialNanos;
  private final long maxNanos;

  Backoff(Duration initial, Duration max) {
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
  }

  /** The wait after the {@code failures}-th failure (1 for the first). */
  long delayNanos(int failures, @Nullable Duration retryAfter) {
    int shift = Math.min(Math.max(failures - 1, 0), 40);
    long base =
        initialNanos > (maxNanos >> shift) ? maxNanos : Math.min(maxNanos, initialNanos << shift);
    long half = base / 2;
    long delay = half + ThreadLocalRandom.current().nextLong(half + 1);
    if (retryAfter != null) {
      delay = Math.max(delay, Math.min(maxNanos, retryAfter.toNanos()));
    }
    return delay;
  }
}
