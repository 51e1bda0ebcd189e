package dev.faultline.wire;

import dev.faultline.Fault;
import org.jspecify.annotations.Nullable;

/**
 * Recognizes one error format that {@link ForeignErrors} does not know, so that a user adds a
 * format without forking Faultline. Register an implementation with {@link java.util.ServiceLoader}
 * in {@code META-INF/services/dev.faultline.wire.ForeignErrorDecoder}; registered decoders are
 * asked before the built-in ones, in class path order, and the first non-null answer wins.
 *
 * <pre>{@code
 * public final class AcmeErrorDecoder implements ForeignErrorDecoder {
 *   public @Nullable Fault decode(ForeignResponse response) {
 *     if (!(response.json() instanceof Map<?, ?> body) || !(body.get("acmeError") instanceof String code)) {
 *       return null; // not ours: let the next decoder try
 *     }
 *     return Fault.builder(Code.fromHttpStatus(response.status()))
 *         .reason("ACME_ERROR")
 *         .metadata("acmeError", code)
 *         .build();
 *   }
 * }
 * }</pre>
 *
 * <p>A decoder must be thread-safe and should be fast. One that throws is skipped (and reported
 * once); its answer is returned as it is, without the enrichment the built-in decoders add.
 */
@FunctionalInterface
public interface ForeignErrorDecoder {
  /** The fault that {@code response} describes, or {@code null} when it is not in this format. */
  @Nullable Fault decode(ForeignResponse response);
}
