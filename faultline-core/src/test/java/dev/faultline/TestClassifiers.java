package dev.faultline;

import org.jspecify.annotations.Nullable;

/** Classifiers registered through META-INF/services for the tests of the SPI. */
final class TestClassifiers {
  private TestClassifiers() {}

  /** An exception of an imaginary payment library. */
  static final class CardDeclinedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CardDeclinedException(String message) {
      super(message);
    }
  }

  /** A user's classifier: knows the payment library's exception. */
  public static final class Payments implements FaultClassifier {
    @Override
    public @Nullable Fault classify(Throwable throwable) {
      return throwable instanceof CardDeclinedException
          ? Fault.builder(Code.FAILED_PRECONDITION)
              .reason("CARD_DECLINED")
              .domain("payments.example.com")
              .message("The card was declined.")
              .build()
          : null;
    }
  }

  /** A classifier with a bug: it throws for every exception; Faultline must skip it. */
  public static final class Broken implements FaultClassifier {
    @Override
    public @Nullable Fault classify(Throwable throwable) {
      throw new IllegalStateException("classifier bug");
    }
  }
}
