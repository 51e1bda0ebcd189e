package dev.faultline.concurrent;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The one daemon thread, {@code faultline-waits}, that times {@link Waits#orTimeout}. */
final class WaitTimer {
  private WaitTimer() {}

  private static final class Holder {
    static final ScheduledThreadPoolExecutor TIMER = timer();
  }

  static ScheduledFuture<?> schedule(Runnable action, long nanos) {
    return Holder.TIMER.schedule(action, nanos, TimeUnit.NANOSECONDS);
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread t = new Thread(null, task, "faultline-waits", 0, false);
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
