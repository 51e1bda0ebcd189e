package dev.faultline.internal;

import java.nio.charset.StandardCharsets;

/** Lowercase hexadecimal text for trace and span ids, without {@code String.format}. */
public final class Hex {
  private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private Hex() {}

  /** {@code value} as 16 lowercase hex digits, zero-padded. */
  public static String of(long value) {
    byte[] out = new byte[16];
    put(out, 0, value);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** {@code high} then {@code low} as 32 lowercase hex digits, zero-padded. */
  public static String of(long high, long low) {
    byte[] out = new byte[32];
    put(out, 0, high);
    put(out, 16, low);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** Whether every char of {@code text} in {@code [from, to)} is {@code 0-9} or {@code a-f}. */
  public static boolean isLowerHex(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /** Whether every char of {@code text} in {@code [from, to)} is {@code '0'}. */
  public static boolean isZeros(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  /** The byte written as two lowercase hex digits at {@code at}; the caller checked them. */
  public static int parseByte(String text, int at) {
    return Character.digit(text.charAt(at), 16) << 4 | Character.digit(text.charAt(at + 1), 16);
  }

  /** {@code value} as two lowercase hex digits. */
  public static String ofByte(int value) {
    byte[] out = {DIGITS[(value >>> 4) & 0xF], DIGITS[value & 0xF]};
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  private static void put(byte[] out, int offset, long value) {
    for (int i = 15; i >= 0; i--) {
      out[offset + 15 - i] = DIGITS[(int) (value >>> (i * 4)) & 0xF];
    }
  }
}
