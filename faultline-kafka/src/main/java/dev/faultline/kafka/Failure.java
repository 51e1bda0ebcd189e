package dev.faultline.kafka;

import dev.faultline.Fault;
import org.jspecify.annotations.Nullable;

/** Why a record failed: its fault, the exception behind it, and the attempts made so far. */
final class Failure {
  private final Fault fault;
  private final @Nullable Throwable error;
  private final int attempts;
  private final boolean poison;

  Failure(Fault fault, @Nullable Throwable error, int attempts, boolean poison) {
    this.fault = fault;
    this.error = error;
    this.attempts = attempts;
    this.poison = poison;
  }

  Fault fault() {
    return fault;
  }

  @Nullable Throwable error() {
    return error;
  }

  int attempts() {
    return attempts;
  }

  /** Whether the record can never be handled (it cannot be deserialized), so is not retried. */
  boolean poison() {
    return poison;
  }
}
