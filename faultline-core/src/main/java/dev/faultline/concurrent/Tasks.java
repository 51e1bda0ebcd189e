package dev.faultline.concurrent;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.FaultException;
import dev.faultline.context.CallContext;
import dev.faultline.context.Deadline;
import dev.faultline.internal.ContextStorage;
import dev.faultline.internal.FaultStamp;
import dev.faultline.journal.FaultKind;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** What every task of a wrapped executor shares: labels, deadlines, restoring and reporting. */
final class Tasks {
  /** The domain of the reasons Faultline gives its own faults. */
  static final String DOMAIN = "faultline.dev";

  private static final String LAMBDA = "$$Lambda";

  private Tasks() {}

  /** {@code context}, or the root context for null (how a captured root context is stored). */
  static CallContext orRoot(@Nullable CallContext context) {
    return context == null ? CallContext.root() : context;
  }

  /** Whether {@code context} has a deadline that has passed. */
  static boolean expired(@Nullable CallContext context) {
    Deadline deadline = context == null ? null : context.deadline();
    return deadline != null && deadline.isExpired();
  }

  /** The failure of a task whose deadline passed before it could start. */
  static FaultException expiredBeforeStart(@Nullable CallContext context) {
    Fault fault =
        Fault.builder(Code.DEADLINE_EXCEEDED)
            .reason("DEADLINE_EXPIRED_BEFORE_START")
            .domain(DOMAIN)
            .message("The deadline expired before the task started")
            .build();
    return new FaultException(FaultStamp.stamp(fault, orRoot(context)));
  }

  /** What labels {@code task}: its own label when it is a {@link LabeledTask}, else its class. */
  static Object labelSource(Object task) {
    if (task instanceof LabeledTask) {
      return label(task);
    }
    return task.getClass();
  }

  /**
   * The label of a task or of a {@link #labelSource}: its class name, where a lambda's is cut to
   * its stable part ({@code com.acme.Orders$$Lambda}, without the number the JVM gives it).
   */
  static String label(Object source) {
    if (source instanceof String) {
      return (String) source;
    }
    if (source instanceof LabeledTask) {
      try {
        return ((LabeledTask) source).taskLabel();
      } catch (RuntimeException e) {
        return label(source.getClass());
      }
    }
    Class<?> type = source instanceof Class ? (Class<?>) source : source.getClass();
    String name = type.getName();
    int lambda = name.indexOf(LAMBDA);
    if (lambda >= 0) {
      return name.substring(0, lambda + LAMBDA.length());
    }
    int hidden = name.indexOf('/');
    return hidden < 0 ? name : name.substring(0, hidden);
  }

  /**
   * Makes {@code previous} current again after a task ran under {@code attached}. A scope the task
   * leaked is healed; under strict mode the resulting {@link IllegalStateException} is added to
   * {@code failure} when there is one, else returned.
   */
  static @Nullable IllegalStateException restore(
      CallContext attached, @Nullable CallContext previous, @Nullable Throwable failure) {
    try {
      ContextStorage.restore(attached, previous);
      return null;
    } catch (IllegalStateException e) {
      if (failure != null) {
        failure.addSuppressed(e);
        return null;
      }
      return e;
    }
  }

  /** Reports {@code failure} of a task, classified and stamped with its submitter's context. */
  static void report(
      FaultKind kind, Throwable failure, Tracked task, @Nullable CallContext context) {
    Fault fault = FaultStamp.of(failure, orRoot(context));
    task.options().journal().report(kind, fault, failure, task.label());
  }

  /** The exception a wrapper such as {@link ExecutionException} stands for. */
  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    for (int i = 0; i < 8 && isWrapper(t) && t.getCause() != null; i++) {
      t = t.getCause();
    }
    return t;
  }

  private static boolean isWrapper(Throwable t) {
    return t instanceof CompletionException || t instanceof ExecutionException;
  }

  /** Throws {@code failure} as it is, checked or not. */
  static RuntimeException rethrow(Throwable failure) {
    Tasks.<RuntimeException>sneaky(failure);
    throw new AssertionError("unreachable");
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneaky(Throwable failure) throws T {
    throw (T) failure;
  }
}
