package dev.faultline.bench.report;

/** The prose of docs/benchmarks.md that does not come from the numbers. */
final class Texts {
  private Texts() {}

  static final String METHOD =
      """
      ## How each benchmark measures

      - **Hand-off** (`HandoffBenchmark`): the benchmark thread `execute`s a batch of 100 tasks into a
        one-thread `ThreadPoolExecutor` (decorated by each library) and waits on a latch for the
        last; the batch time is divided by 100 (`@OperationsPerInvocation`). Submitter and worker
        overlap as in a service, so the figure is the cost per task of the slower side of the queue.
        Every alternative runs the same task object: all per-task allocation is the decorator's (and
        the queue node's). The library's value is made current on the submitting thread in `@Setup`.
      - **Wrap alone** (`WrapBenchmark`): the same decorators around an executor that runs the task
        inline: capture, attach, run, restore, with no queue to hide differences. The JIT may remove
        a wrapper allocation here (escape analysis) that it cannot remove in a real hand-off.
      - **Failure recording** (`FailureRecordingBenchmark`): one operation forks 1,000 tasks onto a
        shared 4-thread pool; every task throws the same `IllegalStateException`; the caller waits for
        all and holds every failure with label, index, thread and exception. Throughput
        (`Mode.Throughput`) and percentiles (`Mode.SampleTime`) of a whole round.
      - **Codec** (`CodecBenchmark`): the chain orders → inventory → stock-db at `INTERNAL` exposure.
        Jackson serializes the same document as a POJO tree (`ProblemTree`), read from Faultline's
        own bytes so both sides carry the same members.
      - **Foreign errors** (`ForeignErrorsBenchmark`): the corpus files are parsed once; each
        operation decodes the next response.
      - **HTTP** (`HttpLoad`): `HttpServerMain` in its own JVM (JDK HttpServer on 127.0.0.1, 4 worker
        threads, `sun.net.httpserver.nodelay=true`), the same handlers bare and behind
        `FaultlineFilter.create()` (the defaults: global journal with its logger sink). `wrk -t1
        -c16` from a separate process; every route is warmed up, then measured in rounds that
        alternate the route order. Bare failure: the handler writes a small 404 problem by hand;
        Faultline failure: the handler throws a `NOT_FOUND` fault and the filter answers it.

      All JMH figures come from one JVM fork with `-prof gc` (B/op is `gc.alloc.rate.norm`).

      """;

  static final String FAILURE_MODES =
      """
      On Java 21+ (`CompatibilityTest` runs on Java 25 in CI, and did here) every decorator carries its value to a virtual thread per task. TTL's "carried" on an undecorated common pool or a new thread is thread *inheritance* (TTL is an `InheritableThreadLocal`): it happens only when the thread is created while the value is set, and a pooled thread then keeps that value for later tasks; on Java 25 the common pool's workers inherit nothing.

      ### Per failure mode (ARCHITECTURE.md): what each alternative keeps

      The three alternatives propagate context only; none of them has an API for failures, so for
      modes 5–7 this is a statement about what their APIs offer, not a measurement.

      | failure mode | Faultline | TTL | OpenTelemetry | Micrometer |
      |---|---|---|---|---|
      | 2. context across pools | carried by the decorator (table above), deadline included; a task whose deadline passed does not start | carried by the decorator; also inherited by new threads (and then kept by pooled ones) | carried by the decorator (its `Context`) | carried for registered `ThreadLocalAccessor`s |
      | 5. unobserved task failure | `execute` failure journaled as `UNCAUGHT` with the submitter's trace; a dropped failed future as `UNOBSERVED`; periodic failures as `PERIODIC` | lost: the pool's default handling (stderr, or nothing for `submit`) | lost (same) | lost (same) |
      | 6. late outcome after a timed wait | `Waits.get` journals the late failure, linked to the waiter's trace | lost | lost | lost |
      | 7. fan-out failure details | `TaskScope`: label, index, input summary, attempt, thread, timings, classified fault with trace | a hand-made collector (section 2) | same | same |

      """;

  static final String ANALYSIS =
      """
      ## Why the missed targets are missed, and what it would take

      **Failure recording (TaskScope vs synchronized list).** The target assumes the list's lock is
      the bottleneck. It is not, on this shape: the synchronized list's cost per failure is the pool
      hop plus creating the exception, and its lock is held for one `add`; even a collector with no
      lock at all could not be 10× faster than it. TaskScope is slower, not faster, and allocates
      several kB per failure (table 2), because each failure is fully *classified* on the worker:
      `FaultStamp.of` → `Faults.classify` builds a `Fault` that captures the exception's stack as
      text (`StackFrames.capture`: `getStackTrace()` and a `toString()` per frame, used only at
      `DEBUG` exposure), draws a random UUID for its `instanceId`, and is then copied twice
      (`withTrace`, `withService`), each copy copying the frame list again. What it would take:
      classify lazily — keep the `Throwable` in `TaskFailure` and build the `Fault` on first
      `fault()`, or make `Fault` hold the `StackTraceElement[]` and render text only when encoded at
      `DEBUG`, and stamp trace and service in one copy. That is a change to the `Fault` value and
      its builder (equality, serialization), larger than this issue; the 10× target itself should be
      restated against a baseline where the lock matters (many more threads than cores) or dropped.

      **Codec (ProblemJson vs jackson-databind).** Both sides use the same streaming core (Jackson 3),
      so a 2× speed-up over databind cannot come from the parser; databind's per-call cost is small
      once its serializers are cached. Faultline does more per call: it encodes the `instance` URN
      (a concatenation and a lower-casing of the UUID), makes a fresh generator over a growing
      `ByteArrayOutputStream` and copies the result, and on decode it builds immutable `Fault`s
      through builders (maps and lists copied defensively, each cause a separate `Fault`). To get
      near the target: write into a recycled buffer sized from the previous encoding, skip the
      `toLowerCase` when the id is already lower case, and decode causes straight into the final
      objects without the defensive copies.

      **HTTP failure path.** With the default filter, every failure is classified, encoded, *and*
      journaled: the record crosses the journal's queue to its dispatcher thread, which competes
      with the server for the two cores (the logger sink skips a server's caller-side answers such
      as this 404 at its default level, so it no longer formats them). The bare server only writes a
      constant byte array. The rest of the gap is the classification (a stack captured as text per
      failure, as in section 2) and the codec (section 3).

      **HTTP success path.** Here the filter's cost is small and a short run's noise is of the same size: compare the gap with the spread of the rounds above. The filter's own work per request: reading `traceparent` (wrk sends none, so a new trace and span id are drawn), making the context current and closing it, and writing the `traceresponse` header. A quiet re-run with longer rounds is needed before calling it met or missed.

      **Wrap alone vs OpenTelemetry.** OpenTelemetry's wrapper only swaps one thread-local;
      Faultline's also checks the deadline, notifies context listeners and checks that the scope was
      closed in order (and, in a real hand-off, reports an `execute` failure): a few ns more in the
      inline case, hidden by the queue in the hand-off.
      """;
}
