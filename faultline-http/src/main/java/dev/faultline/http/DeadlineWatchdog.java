package dev.faultline.http;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends calls whose deadline passed while the response was still coming. The JDK's request timeout
 * stops at the response headers; a peer that sends headers and then trickles the body would hold a
 * caller forever without this. One daemon thread serves every client; a finished call removes its
 * timer at once.
 */
final class DeadlineWatchdog {
  private static final ScheduledThreadPoolExecutor TIMERS = timers();

  private DeadlineWatchdog() {}

  /** Runs {@code onExpiry} after {@code remaining}; cancel the returned future when done first. */
  static ScheduledFuture<?> schedule(Duration remaining, Runnable onExpiry) {
    return TIMERS.schedule(onExpiry, remaining.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static ScheduledThreadPoolExecutor timers() {
    ScheduledThreadPoolExecutor timers =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "faultline-http-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    timers.setRemoveOnCancelPolicy(true);
    return timers;
  }
}
