package dev.faultline.concurrent;

import dev.faultline.internal.Text;
import dev.faultline.internal.Warnings;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns a task's input into the summary a {@link TaskFailure} shows, through the scope's redactor.
 * The summary is made only when the task fails, so that a scope whose tasks succeed pays nothing.
 */
final class InputSummary {
  /** The most characters the default summary keeps. */
  static final int MAX_LENGTH = 120;

  /** The summary of an input whose redactor threw. */
  static final String FAILED = "<redaction failed>";

  /** The default redactor: {@code String.valueOf(input)}, cut to {@value #MAX_LENGTH} chars. */
  static final Function<Object, String> DEFAULT =
      input -> Text.abbreviate(String.valueOf(input), MAX_LENGTH);

  private InputSummary() {}

  /**
   * The summary of {@code input}; null for no input. A redactor that throws gives {@value #FAILED}
   * and is reported once, by class name only: its message could hold the very input it redacts.
   */
  static @Nullable String of(
      @Nullable Object input, Function<Object, String> redactor, String scope) {
    if (input == null) {
      return null;
    }
    try {
      return redactor.apply(input);
    } catch (RuntimeException | Error e) {
      Warnings.once(
          "taskscope.redactor." + scope,
          "The input summary function of TaskScope '"
              + scope
              + "' threw "
              + e.getClass().getName()
              + "; inputs show as "
              + FAILED);
      return FAILED;
    }
  }
}
