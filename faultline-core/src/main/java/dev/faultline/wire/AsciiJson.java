package dev.faultline.wire;

import dev.faultline.internal.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * A JSON factory whose output is printable ASCII only, so that it is a legal HTTP field value and a
 * safe header value on any carrier: every other char is escaped as {@code \\uXXXX}.
 */
final class AsciiJson {
  /** {@link Json#FACTORY} with non-ASCII chars, control chars and DEL escaped. */
  static final JsonFactory FACTORY =
      Json.FACTORY
          .rebuild()
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .characterEscapes(new AsciiEscapes())
          .build();

  private AsciiJson() {}

  /** JSON's standard escapes, plus DEL, which an HTTP field value may not hold either. */
  private static final class AsciiEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;

    private final int[] codes = escapeCodes();

    private static int[] escapeCodes() {
      int[] codes = standardAsciiEscapesForJSON();
      codes[0x7F] = ESCAPE_STANDARD;
      return codes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return codes;
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
