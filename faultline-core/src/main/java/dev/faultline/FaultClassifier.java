package dev.faultline;

import org.jspecify.annotations.Nullable;

/**
 * Turns exceptions of a library or an application into faults: the extension point of {@link
 * Faults#classify(Throwable)}.
 *
 * <p>Register an implementation with {@link java.util.ServiceLoader}, in {@code
 * META-INF/services/dev.faultline.FaultClassifier}. Classifiers are asked in the order the loader
 * finds them, before Faultline's own rules for the JDK's exceptions; the first non-null answer
 * wins.
 *
 * <pre>{@code
 * public final class JdbcClassifier implements FaultClassifier {
 *   public Fault classify(Throwable t) {
 *     return t instanceof SQLTransientConnectionException
 *         ? Fault.builder(Code.UNAVAILABLE).reason("DATABASE_UNAVAILABLE").build()
 *         : null;
 *   }
 * }
 * }</pre>
 *
 * <p>A classifier must be fast, must not throw (one that does is skipped and reported once), and
 * must not copy the exception's raw message into the fault's safe message: Faultline records the
 * exception's class, message and stack itself, for DEBUG exposure only.
 */
public interface FaultClassifier {
  /** The fault that {@code throwable} stands for, or {@code null} when this classifier has none. */
  @Nullable Fault classify(Throwable throwable);
}
