package dev.faultline.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers that must be unique, not secret: no {@code SecureRandom} on the failure path. */
public final class Ids {
  private Ids() {}

  /** A random version-4 UUID, as text, drawn from {@link ThreadLocalRandom}. */
  public static String newInstanceId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
