package dev.faultline.concurrent;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.FaultException;
import dev.faultline.context.CallContext;
import dev.faultline.internal.FaultStamp;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Timed waits that keep late outcomes. When a wait times out, the task goes on; if it then fails,
 * that failure is reported as {@code LATE}, with the trace of the waiter who gave up and the
 * metadata {@code waitedMillis}. A late success is not a fault: nothing is reported.
 *
 * <pre>{@code
 * Quote quote = Waits.get(pool.submit(() -> pricing.quote(order)), Duration.ofMillis(200));
 * CompletableFuture<Quote> bounded = Waits.orTimeout(quoteFuture, Duration.ofMillis(200));
 * }</pre>
 *
 * <p>Late outcomes are caught as they happen for the futures of wrapped executors and for every
 * {@link CompletableFuture}. Any other {@link Future} is polled by one daemon thread, {@code
 * faultline-late-watcher}, every 50 ms, for at most 1,024 abandoned futures at a time and for at
 * most an hour each; beyond that a late outcome is not reported (and the drop is logged once).
 */
public final class Waits {
  private Waits() {}

  /**
   * The result of {@code future}, waiting at most {@code timeout}.
   *
   * @throws FaultException {@code DEADLINE_EXCEEDED} ({@code WAIT_TIMED_OUT}) when the time ran
   *     out; the fault of the task (stamped with the current context, its exception as the cause)
   *     when the task failed; {@code CANCELLED} when the task was cancelled, or when this thread
   *     was interrupted (the interrupt flag is then set again)
   */
  public static <T> T get(Future<T> future, Duration timeout) {
    long nanos = saturatedNanos(timeout);
    try {
      return future.get(nanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : Tasks.unwrap(e.getCause());
      throw new FaultException(FaultStamp.of(cause, CallContext.current()), cause);
    } catch (CancellationException e) {
      throw new FaultException(FaultStamp.of(e, CallContext.current()), e);
    } catch (TimeoutException e) {
      throw new FaultException(abandon(future, timeout, "WAIT_TIMED_OUT"), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(abandon(future, timeout, "WAIT_INTERRUPTED"), e);
    }
  }

  /**
   * Like {@link CompletableFuture#orTimeout}, but {@code future} itself is left alone: the returned
   * stage completes as {@code future} does, or fails with a {@link FaultException} {@code
   * DEADLINE_EXCEEDED} ({@code WAIT_TIMED_OUT}) after {@code timeout}; a failure of {@code future}
   * after that is reported as {@code LATE}. The returned stage is tracked when {@code future} is.
   */
  public static <T> CompletableFuture<T> orTimeout(CompletableFuture<T> future, Duration timeout) {
    CallContext waiter = CallContext.current();
    CompletableFuture<T> result = future.newIncompleteFuture();
    Late late = new Late(waiter, timeout.toMillis());
    ScheduledFuture<?> timer =
        WaitTimer.schedule(
            () -> {
              Fault fault = timedOut(waiter, timeout, "WAIT_TIMED_OUT");
              if (result.completeExceptionally(new FaultException(fault))) {
                LateOutcomes.watch(future, late);
              }
            },
            saturatedNanos(timeout));
    future.whenComplete(
        (value, failure) -> {
          timer.cancel(false);
          if (failure == null) {
            result.complete(value);
          } else {
            result.completeExceptionally(failure);
          }
        });
    return result;
  }

  private static Fault abandon(Future<?> future, Duration timeout, String reason) {
    CallContext waiter = CallContext.current();
    LateOutcomes.watch(future, new Late(waiter, timeout.toMillis()));
    return timedOut(waiter, timeout, reason);
  }

  static Fault timedOut(CallContext waiter, Duration timeout, String reason) {
    boolean interrupted = reason.equals("WAIT_INTERRUPTED");
    Fault fault =
        Fault.builder(interrupted ? Code.CANCELLED : Code.DEADLINE_EXCEEDED)
            .reason(reason)
            .domain(Tasks.DOMAIN)
            .message(interrupted ? "The wait was interrupted" : "The wait timed out")
            .metadata("waitedMillis", Long.toString(timeout.toMillis()))
            .build();
    return FaultStamp.stamp(fault, waiter);
  }

  private static long saturatedNanos(Duration timeout) {
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return timeout.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** What a late report of {@code future} goes to: its own journal, or the global one. */
  static ExecutorOptions optionsOf(@Nullable Future<?> future) {
    if (future instanceof TrackedFuture) {
      return ((TrackedFuture<?>) future).options();
    }
    if (future instanceof TrackedCompletableFuture) {
      return ((TrackedCompletableFuture<?>) future).options();
    }
    return ExecutorOptions.defaults();
  }
}
