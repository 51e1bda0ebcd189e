package dev.faultline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FaultsClassifyTest {

  static Stream<Arguments> jdkExceptions() {
    return Stream.of(
        Arguments.of(new TimeoutException("t"), Code.DEADLINE_EXCEEDED),
        Arguments.of(new HttpTimeoutException("request timed out"), Code.DEADLINE_EXCEEDED),
        Arguments.of(new SocketTimeoutException("Read timed out"), Code.DEADLINE_EXCEEDED),
        Arguments.of(new HttpConnectTimeoutException("connect timed out"), Code.UNAVAILABLE),
        Arguments.of(new ConnectException("Connection refused"), Code.UNAVAILABLE),
        Arguments.of(new UnknownHostException("no.such.host"), Code.UNAVAILABLE),
        Arguments.of(new java.net.SocketException("Connection reset"), Code.UNAVAILABLE),
        Arguments.of(new CancellationException(), Code.CANCELLED),
        Arguments.of(new InterruptedException(), Code.CANCELLED),
        Arguments.of(new InterruptedIOException(), Code.CANCELLED),
        Arguments.of(new RejectedExecutionException("queue full"), Code.RESOURCE_EXHAUSTED),
        Arguments.of(new UnsupportedOperationException(), Code.UNIMPLEMENTED),
        Arguments.of(new IllegalArgumentException("bad"), Code.INTERNAL),
        Arguments.of(new IllegalStateException("bug"), Code.INTERNAL),
        Arguments.of(new NullPointerException(), Code.INTERNAL),
        Arguments.of(new IOException("disk"), Code.INTERNAL));
  }

  @ParameterizedTest
  @MethodSource("jdkExceptions")
  void classifiesTheJdksOwnExceptions(Throwable thrown, Code expected) {
    assertThat(Faults.classify(thrown).code()).isEqualTo(expected);
  }

  @Test
  void keepsTheRawExceptionTextOutOfTheSafeMessage() {
    Fault fault =
        Faults.classify(new IllegalStateException("jdbc:postgresql://db?password=s3cret"));

    assertThat(fault.message()).isEqualTo(Code.INTERNAL.defaultMessage());
    assertThat(fault.toString()).doesNotContain("s3cret");
    assertThat(fault.exception()).isEqualTo("java.lang.IllegalStateException");
    assertThat(fault.exceptionMessage()).contains("s3cret");
    assertThat(fault.stackTrace()).isNotEmpty().allMatch(frame -> frame.contains("("));
  }

  @Test
  void givesAFaultExceptionItsOwnFault() {
    Fault fault = Fault.of(Code.NOT_FOUND, "No such order");
    assertThat(Faults.classify(fault.asException())).isSameAs(fault);
  }

  @Test
  void seesThroughPureWrappers() {
    Fault fault = Fault.of(Code.NOT_FOUND, "No such order");
    Throwable wrapped = new ExecutionException(new CompletionException(fault.asException()));
    assertThat(Faults.classify(wrapped)).isSameAs(fault);
    Fault timeout = Faults.classify(new CompletionException(new TimeoutException("slow")));
    assertThat(timeout.code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(timeout.exception()).isEqualTo(TimeoutException.class.getName());
  }

  @Test
  void findsTheDownstreamFaultThatAClientWrappedInItsOwnException() {
    Fault downstream =
        Fault.builder(Code.UNAVAILABLE).service("inventory").reason("STOCK_DB_DOWN").build();
    RuntimeException wrapper =
        new RuntimeException("service unavailable", new RemoteFaultException(downstream));

    assertThat(Faults.classify(wrapper)).isSameAs(downstream);
  }

  @Test
  void classifiesAnUnknownWrapperByItsNearestKnownCause() {
    RuntimeException wrapper =
        new RuntimeException(
            "call failed", new UncheckedIOException(new ConnectException("refused")));
    Fault fault = Faults.classify(wrapper);
    assertThat(fault.code()).isEqualTo(Code.UNAVAILABLE);
    assertThat(fault.exception()).isEqualTo(RuntimeException.class.getName());
  }

  @Test
  void survivesACyclicCauseChain() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(Faults.classify(a).code()).isEqualTo(Code.INTERNAL);
    assertThat(Faults.hasCode(a, Code.NOT_FOUND)).isFalse();
  }

  @Test
  void asksRegisteredClassifiersAndSkipsOneThatThrows() {
    Fault fault = Faults.classify(new TestClassifiers.CardDeclinedException("card 4242 declined"));

    assertThat(fault.code()).isEqualTo(Code.FAILED_PRECONDITION);
    assertThat(fault.reason()).isEqualTo("CARD_DECLINED");
    assertThat(fault.exception()).endsWith("CardDeclinedException");
    assertThat(fault.exceptionMessage()).isEqualTo("card 4242 declined");
    assertThat(Faults.classify(new ConnectException()).code()).isEqualTo(Code.UNAVAILABLE);
  }

  @Test
  void makesIllegalArgumentAnInvalidArgumentOnlyWhenTheDeveloperOptsIn() {
    IllegalArgumentException bad = new IllegalArgumentException("quantity must be positive");
    String setting = Classification.ILLEGAL_ARGUMENT_SETTING;
    assertThat(Classification.fromSettings().classify(bad).code()).isEqualTo(Code.INTERNAL);
    try {
      System.setProperty(setting, "true");
      assertThat(Classification.fromSettings().classify(bad).code())
          .isEqualTo(Code.INVALID_ARGUMENT);
      System.setProperty(setting, "yes please");
      assertThat(Classification.fromSettings().classify(bad).code()).isEqualTo(Code.INTERNAL);
    } finally {
      System.clearProperty(setting);
    }
  }

  @Test
  void findsCodesAndReasonsAcrossLocalAndRemoteCauses() {
    Fault chain =
        Fault.builder(Code.INTERNAL)
            .service("orders")
            .cause(
                Fault.builder(Code.NOT_FOUND)
                    .service("inventory")
                    .reason("SKU_NOT_FOUND")
                    .domain("inventory.example.com")
                    .build())
            .build();
    Throwable thrown = new IllegalStateException("wrapped", new RemoteFaultException(chain));

    assertThat(Faults.hasCode(thrown, Code.NOT_FOUND)).isTrue();
    assertThat(Faults.hasCode(thrown, Code.INTERNAL)).isTrue();
    assertThat(Faults.hasCode(thrown, Code.ABORTED)).isFalse();
    assertThat(Faults.hasReason(thrown, "SKU_NOT_FOUND")).isTrue();
    assertThat(Faults.hasReason(thrown, "inventory.example.com", "SKU_NOT_FOUND")).isTrue();
    assertThat(Faults.hasReason(thrown, "other.example.com", "SKU_NOT_FOUND")).isFalse();
    assertThat(
            Faults.hasCode(
                new RuntimeException(new SocketTimeoutException()), Code.DEADLINE_EXCEEDED))
        .isTrue();
    assertThat(Faults.hasCode(null, Code.INTERNAL)).isFalse();
    assertThat(Faults.hasCode(new IllegalStateException(), Code.INTERNAL)).isTrue();
    assertThat(Faults.hasCode(new IllegalStateException(), Code.UNKNOWN)).isFalse();
  }
}
