package dev.faultline.http;

import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.HopPolicy;
import dev.faultline.internal.Settings;
import dev.faultline.journal.FaultJournal;
import dev.faultline.wire.ProblemJson;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The settings both server filters' builders share, resolved into a {@link ServerBoundary} when
 * built: what was not set comes from the process settings then, so a bad setting fails fast.
 *
 * @param <R> the server's request type, which the per-request exposure hook reads
 */
final class BoundarySettings<R> {
  /** The setting that names this service when no name was given in code. */
  static final String SERVICE_SETTING = "faultline.service";

  private @Nullable String service;
  private @Nullable Exposure exposure;
  private @Nullable Function<? super R, Exposure> exposureFor;
  private HopPolicy hopPolicy = HopPolicy.TRANSLATE;
  private @Nullable FaultJournal journal;
  private BiFunction<Fault, Exposure, byte[]> encoder = ProblemJson::encode;

  BoundarySettings<R> copy() {
    BoundarySettings<R> copy = new BoundarySettings<>();
    copy.service = service;
    copy.exposure = exposure;
    copy.exposureFor = exposureFor;
    copy.hopPolicy = hopPolicy;
    copy.journal = journal;
    copy.encoder = encoder;
    return copy;
  }

  void service(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("service must not be blank");
    }
    this.service = name.strip();
  }

  void exposure(Exposure level) {
    this.exposure = Objects.requireNonNull(level, "exposure");
  }

  void exposureFor(Function<? super R, Exposure> hook) {
    this.exposureFor = Objects.requireNonNull(hook, "exposureFor");
  }

  void hopPolicy(HopPolicy policy) {
    this.hopPolicy = Objects.requireNonNull(policy, "hopPolicy");
  }

  void journal(FaultJournal target) {
    this.journal = Objects.requireNonNull(target, "journal");
  }

  /** Replaces the problem encoder, so tests can make encoding fail. */
  void encoder(BiFunction<Fault, Exposure, byte[]> problemEncoder) {
    this.encoder = Objects.requireNonNull(problemEncoder, "encoder");
  }

  /**
   * The boundary: unset values from the settings {@code faultline.service} and {@code
   * faultline.exposure} and the global journal.
   *
   * @throws IllegalArgumentException when {@code faultline.exposure} names no exposure level
   */
  ServerBoundary<R> build() {
    Exposure level = exposure != null ? exposure : Exposure.configured();
    FaultJournal target = journal != null ? journal : FaultJournal.global();
    return new ServerBoundary<>(
        service != null ? service : configuredService(),
        level,
        exposureFor,
        hopPolicy,
        target,
        encoder);
  }

  private static @Nullable String configuredService() {
    String value = Settings.get(SERVICE_SETTING);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
