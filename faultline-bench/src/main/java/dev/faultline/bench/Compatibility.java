package dev.faultline.bench;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What each library's decorator actually carries, per kind of executor, measured on this JDK: a
 * value is made current, a task is handed over, and the task reads the library's current value;
 * then a second task, handed over with nothing current, shows whether the worker was restored. The
 * worker threads are started before any value is set, so that a value cannot arrive by thread
 * inheritance except where each task gets a new thread (virtual threads).
 */
public final class Compatibility {
  /** The kinds of executor every library is tried with. */
  public enum Pool {
    FIXED("fixed pool (newFixedThreadPool)"),
    FORK_JOIN("ForkJoinPool"),
    SCHEDULED("scheduled pool, schedule(…, 1 ms)"),
    COMPLETABLE_FUTURE("CompletableFuture.supplyAsync(…, pool)"),
    VIRTUAL("virtual thread per task (Java 21+)"),
    COMMON_POOL_UNDECORATED("CompletableFuture.supplyAsync(…) on the common pool, no decorator"),
    NEW_THREAD_UNDECORATED("new Thread(…).start(), no decorator");

    private final String title;

    Pool(String title) {
      this.title = title;
    }

    /** What the report calls this kind of executor. */
    public String title() {
      return title;
    }
  }

  /** The outcome of one library on one kind of executor. */
  public enum Outcome {
    /** The task saw the submitter's value, and the worker was clean afterwards. */
    CARRIED,
    /** The task did not see the submitter's value. */
    LOST,
    /** The task saw the value, but the next task, submitted with none, saw it too. */
    LEAKED,
    /** This JDK has no such executor. */
    UNAVAILABLE
  }

  /** The libraries compared: every alternative that carries a value. */
  public static final List<Alternatives> LIBRARIES =
      List.of(Alternatives.FAULTLINE, Alternatives.TTL, Alternatives.OTEL, Alternatives.MICROMETER);

  private Compatibility() {}

  /** Every library on every kind of executor. */
  public static Map<Alternatives, Map<Pool, Outcome>> measure() throws Exception {
    Map<Alternatives, Map<Pool, Outcome>> all = new EnumMap<>(Alternatives.class);
    for (Alternatives library : LIBRARIES) {
      Map<Pool, Outcome> row = new EnumMap<>(Pool.class);
      for (Pool pool : Pool.values()) {
        row.put(pool, measure(library, pool));
      }
      all.put(library, row);
    }
    return all;
  }

  /** One library on one kind of executor. */
  public static Outcome measure(Alternatives library, Pool pool) throws Exception {
    if (pool == Pool.COMMON_POOL_UNDECORATED || pool == Pool.NEW_THREAD_UNDECORATED) {
      return undecorated(library, pool);
    }
    ExecutorService raw = create(pool);
    if (raw == null) {
      return Outcome.UNAVAILABLE;
    }
    try {
      raw.submit(() -> null).get(5, TimeUnit.SECONDS); // start the worker before any value exists
      Callable<String> read = () -> String.valueOf(library.current());
      String value = "request-" + library + "-" + pool;
      String seen;
      AutoCloseable scope = library.enter(value);
      try {
        seen = handOff(library, pool, raw, read);
      } finally {
        scope.close();
      }
      String after = handOff(library, pool, raw, read);
      if (!value.equals(seen)) {
        return Outcome.LOST;
      }
      return value.equals(after) ? Outcome.LEAKED : Outcome.CARRIED;
    } finally {
      raw.shutdownNow();
      raw.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** No decorator at all: what reaches the common pool, or a thread the submitter starts. */
  private static Outcome undecorated(Alternatives library, Pool pool) throws Exception {
    // Start the common pool's workers first: a worker created while the value is set would
    // inherit it (TTL is an InheritableThreadLocal) and keep it for every later task.
    CompletableFuture.runAsync(() -> {}).get(5, TimeUnit.SECONDS);
    String value = "request-" + library + "-" + pool;
    String seen;
    AutoCloseable scope = library.enter(value);
    try {
      if (pool == Pool.COMMON_POOL_UNDECORATED) {
        seen =
            CompletableFuture.supplyAsync(() -> String.valueOf(library.current()))
                .get(5, TimeUnit.SECONDS);
      } else {
        AtomicReference<String> box = new AtomicReference<>();
        Thread thread = new Thread(() -> box.set(String.valueOf(library.current())));
        thread.start();
        thread.join(5_000);
        seen = box.get();
      }
    } finally {
      scope.close();
    }
    return value.equals(seen) ? Outcome.CARRIED : Outcome.LOST;
  }

  private static String handOff(
      Alternatives library, Pool pool, ExecutorService raw, Callable<String> read)
      throws Exception {
    switch (pool) {
      case SCHEDULED:
        return library
            .wrap((ScheduledExecutorService) raw)
            .schedule(read, 1, TimeUnit.MILLISECONDS)
            .get(5, TimeUnit.SECONDS);
      case COMPLETABLE_FUTURE:
        return CompletableFuture.supplyAsync(
                () -> String.valueOf(library.current()), library.wrap(raw))
            .get(5, TimeUnit.SECONDS);
      default:
        return library.wrap(raw).submit(read).get(5, TimeUnit.SECONDS);
    }
  }

  private static ExecutorService create(Pool pool) throws ReflectiveOperationException {
    switch (pool) {
      case FIXED:
      case COMPLETABLE_FUTURE:
        return Executors.newFixedThreadPool(1);
      case FORK_JOIN:
        return new ForkJoinPool(1);
      case SCHEDULED:
        return Executors.newScheduledThreadPool(1);
      case VIRTUAL:
        return virtualThreads();
      default:
        throw new AssertionError(pool);
    }
  }

  /** {@code Executors.newVirtualThreadPerTaskExecutor()} on Java 21+, else null. */
  static ExecutorService virtualThreads() throws ReflectiveOperationException {
    Method factory;
    try {
      factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
    } catch (NoSuchMethodException e) {
      return null;
    }
    return (ExecutorService) factory.invoke(null);
  }

  /** The library's titles in the order of {@link #LIBRARIES}. */
  public static List<String> titles() {
    List<String> titles = new ArrayList<>();
    for (Alternatives library : LIBRARIES) {
      titles.add(library.title());
    }
    return titles;
  }
}
