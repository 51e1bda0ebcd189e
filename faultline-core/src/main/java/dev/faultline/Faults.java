package dev.faultline;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Classifies exceptions into faults and asks questions of exception chains, local and remote alike.
 */
public final class Faults {
  private Faults() {}

  /**
   * The fault that {@code throwable} stands for. A {@link FaultException} gives its own fault; a
   * wrapper such as {@code ExecutionException} gives its cause's; any other exception is asked of
   * every registered {@link FaultClassifier}, then of Faultline's rules for the JDK (timeouts →
   * {@link Code#DEADLINE_EXCEEDED}, refused or unknown hosts → {@link Code#UNAVAILABLE},
   * cancellation and interrupts → {@link Code#CANCELLED}, …); when it matches nothing, its causes
   * are, nearest first; when none matches, it is {@link Code#INTERNAL}.
   *
   * <p>A classified exception gets its code's generic safe message: its own text may hold secrets,
   * so it is kept in {@link Fault#exceptionMessage()} and leaves the process at {@link
   * Exposure#DEBUG} only. {@link IllegalArgumentException} becomes {@link Code#INVALID_ARGUMENT}
   * only when the setting {@code faultline.classify.illegal-argument} is {@code true}: by default
   * it is a bug of ours, not the caller's.
   */
  public static Fault classify(Throwable throwable) {
    return Classification.defaults().classify(Objects.requireNonNull(throwable, "throwable"));
  }

  /**
   * Whether {@code throwable} as {@link #classify classified}, any of its causes, or any fault down
   * their chains (local or remote) has {@code code}. Safe on cyclic cause chains.
   */
  public static boolean hasCode(@Nullable Throwable throwable, Code code) {
    return anyFault(throwable, f -> f.code() == code);
  }

  /** Whether any fault in the chain of {@code throwable} has {@code reason}, in any domain. */
  public static boolean hasReason(@Nullable Throwable throwable, String reason) {
    return anyFault(throwable, f -> reason.equals(f.reason()));
  }

  /** Whether any fault in the chain of {@code throwable} has this {@code (domain, reason)}. */
  public static boolean hasReason(@Nullable Throwable throwable, String domain, String reason) {
    return anyFault(throwable, f -> reason.equals(f.reason()) && domain.equals(f.domain()));
  }

  /**
   * The chain of {@code fault} as a readable tree: one line per hop with service, code, reason and
   * safe message, and the trace id once (again on a hop only where it differs).
   *
   * <pre>
   * trace 4bf92f3577b34da6a3ce929d0e0e4736
   * orders: INTERNAL INVENTORY_FAILED "Could not reserve stock"
   * └─ inventory: NOT_FOUND SKU_NOT_FOUND "No such SKU: 42"
   * </pre>
   */
  public static String render(Fault fault) {
    return ChainRenderer.render(fault);
  }

  private static boolean anyFault(@Nullable Throwable throwable, Predicate<Fault> test) {
    if (throwable == null) {
      return false;
    }
    Classification rules = Classification.defaults();
    if (anyInChain(rules.classify(throwable), test)) {
      return true;
    }
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable t = throwable;
    for (int i = 0; t != null && i < Classification.MAX_CHAIN && seen.add(t); i++) {
      Fault fault = rules.classifyItself(t);
      if (fault != null && anyInChain(fault, test)) {
        return true;
      }
      t = t.getCause();
    }
    return false;
  }

  private static boolean anyInChain(Fault fault, Predicate<Fault> test) {
    Fault f = fault;
    for (int depth = 0; f != null && depth < Classification.MAX_CHAIN; depth++) {
      if (test.test(f)) {
        return true;
      }
      f = f.cause();
    }
    return false;
  }
}
