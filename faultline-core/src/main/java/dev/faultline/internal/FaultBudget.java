package dev.faultline.internal;

import dev.faultline.Fault;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * Cuts a fault until its encoding fits a size budget, in one fixed order that every wire format
 * shares: first the stack traces, then messages, exception messages and metadata values (to 256,
 * then 64 chars, ending in {@link Text#ELLIPSIS}), then the deepest causes one at a time, then the
 * metadata, and as a last resort service and exception names (to 64 chars) and messages (to 16).
 * Code, reason, domain, trace id, span id and instance id are never cut. The outer fault of a cut
 * chain is marked {@link Fault#truncated() truncated}.
 *
 * <pre>{@code
 * Fault fitted = FaultBudget.fit(fault, f -> encode(f).length, 8 * 1024);
 * }</pre>
 */
public final class FaultBudget {
  /** The smallest budget that can hold a fault's code, reason and ids. */
  public static final int MIN_BUDGET = 256;

  private static final List<UnaryOperator<Fault>> DETAIL_CUTS =
      List.of(
          FaultCuts::withoutStacks,
          f -> FaultCuts.shortened(f, 256),
          f -> FaultCuts.shortened(f, 64));

  private FaultBudget() {}

  /**
   * {@code budget}, when it is at least {@value #MIN_BUDGET}.
   *
   * @param parameter the name of the setting the budget came from, for the error message
   * @throws IllegalArgumentException when it is smaller
   */
  public static int requireSane(int budget, String parameter) {
    if (budget < MIN_BUDGET) {
      throw new IllegalArgumentException(
          parameter + " must be at least " + MIN_BUDGET + " bytes, but was " + budget);
    }
    return budget;
  }

  /**
   * {@code fault} itself when {@code sizeOf} says it fits {@code budget}, else the least-cut copy
   * that fits. When even the last cut does not fit (ids longer than the budget), that copy is
   * returned anyway: identity is never cut.
   *
   * @param sizeOf the size of a fault in the caller's encoding, such as its byte count
   * @throws IllegalArgumentException when the budget is smaller than {@value #MIN_BUDGET}
   */
  public static Fault fit(Fault fault, ToIntFunction<Fault> sizeOf, int budget) {
    requireSane(budget, "budget");
    if (sizeOf.applyAsInt(fault) <= budget) {
      return fault;
    }
    Fault cut = fault;
    for (UnaryOperator<Fault> step : DETAIL_CUTS) {
      cut = step.apply(cut);
      if (sizeOf.applyAsInt(cut) <= budget) {
        return cut;
      }
    }
    cut = withoutDeepestCauses(cut, sizeOf, budget);
    if (sizeOf.applyAsInt(cut) <= budget) {
      return cut;
    }
    cut = FaultCuts.withoutMetadata(cut);
    return sizeOf.applyAsInt(cut) <= budget ? cut : FaultCuts.minimal(cut);
  }

  /**
   * The chain with the most causes that fits, dropping the deepest first; the outer fault alone
   * when none fits. The size grows with each cause kept, so a binary search finds the same chain as
   * dropping one cause at a time, with a logarithmic number of encodings.
   */
  private static Fault withoutDeepestCauses(Fault fault, ToIntFunction<Fault> sizeOf, int budget) {
    List<Fault> chain = FaultCuts.chain(fault);
    if (chain.size() == 1) {
      return fault;
    }
    Fault best = FaultCuts.keepCauses(chain, 0);
    int low = 0;
    int high = chain.size() - 2;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      Fault candidate = FaultCuts.keepCauses(chain, mid);
      if (sizeOf.applyAsInt(candidate) <= budget) {
        low = mid;
        best = candidate;
      } else {
        high = mid - 1;
      }
    }
    return best;
  }
}
