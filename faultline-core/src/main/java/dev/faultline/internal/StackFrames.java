package dev.faultline.internal;

import java.util.ArrayList;
import java.util.List;

/** Converts between stack frames and the text form in which faults carry them. */
public final class StackFrames {
  /** The most frames a fault keeps of one exception. */
  public static final int MAX_FRAMES = 32;

  private static final StackTraceElement[] NONE = new StackTraceElement[0];

  private StackFrames() {}

  /**
   * The first {@value #MAX_FRAMES} frames of {@code throwable}, as {@code StackTraceElement} text.
   */
  public static List<String> capture(Throwable throwable) {
    StackTraceElement[] frames = throwable.getStackTrace();
    int n = Math.min(frames.length, MAX_FRAMES);
    List<String> text = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      text.add(frames[i].toString());
    }
    return text;
  }

  /**
   * Frames parsed back from text such as {@code com.acme.Shop.order(Shop.java:42)}; a line that
   * does not have that shape becomes a frame that shows the line as it is.
   */
  public static StackTraceElement[] parse(List<String> lines) {
    if (lines.isEmpty()) {
      return NONE;
    }
    StackTraceElement[] frames = new StackTraceElement[lines.size()];
    for (int i = 0; i < frames.length; i++) {
      frames[i] = parseLine(lines.get(i));
    }
    return frames;
  }

  private static StackTraceElement parseLine(String line) {
    int open = line.lastIndexOf('(');
    int close = line.lastIndexOf(')');
    String qualified = open > 0 ? line.substring(0, open) : line;
    int slash = qualified.lastIndexOf('/');
    qualified = qualified.substring(slash + 1);
    int dot = qualified.lastIndexOf('.');
    if (open <= 0 || close < open || dot <= 0) {
      return new StackTraceElement("", line, null, -1);
    }
    String location = line.substring(open + 1, close);
    String file = null;
    int number = -1;
    int colon = location.lastIndexOf(':');
    if (colon > 0) {
      file = location.substring(0, colon);
      number = parseLineNumber(location.substring(colon + 1));
    } else if (location.endsWith(".java")) {
      file = location;
    } else if (location.equals("Native Method")) {
      number = -2;
    }
    return new StackTraceElement(
        qualified.substring(0, dot), qualified.substring(dot + 1), file, number);
  }

  private static int parseLineNumber(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
