package dev.faultline.journal;

import dev.faultline.internal.Warnings;

/**
 * Warnings that can never throw into a reporter or kill the dispatcher, whatever the logger does.
 */
final class Quiet {
  private Quiet() {}

  static void warnOnce(String key, String message) {
    try {
      Warnings.once(key, message);
    } catch (Throwable ignored) {
      // a broken logger must not break reporting
    }
  }

  static void warnOnce(String key, String message, Throwable error) {
    try {
      Warnings.once(key, message, error);
    } catch (Throwable ignored) {
      // a broken logger must not break reporting
    }
  }
}
