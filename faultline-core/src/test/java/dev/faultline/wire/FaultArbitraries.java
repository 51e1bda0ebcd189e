package dev.faultline.wire;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.FaultBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random but valid faults and chains, for the property tests of the codecs. */
final class FaultArbitraries {
  private FaultArbitraries() {}

  static Arbitrary<String> reasons() {
    return Arbitraries.strings()
        .withCharRange('A', 'Z')
        .withChars('_', '0', '9')
        .ofMinLength(1)
        .ofMaxLength(FaultBuilder.MAX_REASON_LENGTH)
        .filter(FaultBuilder::isValidReason);
  }

  /** Any well-formed text, including quotes, controls and non-BMP characters. */
  static Arbitrary<String> text(int maxLength) {
    return Arbitraries.strings()
        .all()
        .ofMaxLength(maxLength)
        .filter(s -> !s.isBlank() && wellFormed(s));
  }

  /** Text that may hold unpaired surrogates, which no UTF-8 encoder can write as they are. */
  static Arbitrary<String> malformedText() {
    return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40).map(s -> s + '\uD800');
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(++i)))) {
        return false;
      }
      if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  static Arbitrary<Map<String, String>> metadata() {
    return Arbitraries.maps(
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20), text(40))
        .ofMaxSize(6);
  }

  static Arbitrary<Fault> single() {
    Arbitrary<Fault> base =
        Combinators.combine(
                Arbitraries.of(Code.class),
                reasons().injectNull(0.3),
                text(200),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).injectNull(0.2),
                metadata(),
                Arbitraries.longs().between(0, 100_000).injectNull(0.5))
            .as(
                (code, reason, message, service, metadata, retryMillis) ->
                    Fault.builder(code)
                        .reason(reason)
                        .message(message)
                        .service(service)
                        .domain(reason == null ? null : "example.com")
                        .metadata(metadata)
                        .retryAfter(retryMillis == null ? null : Duration.ofMillis(retryMillis))
                        .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
                        .build());
    return Combinators.combine(base, text(120).injectNull(0.5), frames())
        .as(
            (fault, exceptionMessage, frames) ->
                fault.toBuilder()
                    .exception(exceptionMessage == null ? null : "com.acme.BoomException")
                    .exceptionMessage(exceptionMessage)
                    .stackTrace(frames)
                    .build());
  }

  static Arbitrary<List<String>> frames() {
    return Arbitraries.strings()
        .alpha()
        .ofMinLength(1)
        .ofMaxLength(12)
        .map(name -> "com.acme." + name + ".run(" + name + ".java:12)")
        .list()
        .ofMaxSize(5);
  }

  /** A chain of one to eight faults. */
  static Arbitrary<Fault> chains() {
    return single()
        .list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .map(
            hops -> {
              Fault chain = null;
              for (int i = hops.size() - 1; i >= 0; i--) {
                chain = hops.get(i).withCause(chain);
              }
              return chain;
            });
  }
}
