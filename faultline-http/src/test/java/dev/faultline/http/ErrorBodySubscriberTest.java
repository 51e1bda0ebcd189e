package dev.faultline.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bounded collector of error bodies, driven by hand as the JDK drives it. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ErrorBodySubscriberTest {
  /** A subscription that counts what was asked of it. */
  private static final class Recorder implements Flow.Subscription {
    long requested;
    boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  @Test
  void aBodyOfExactlyTheLimitIsReadWholeAndNotCut() {
    ErrorBodySubscriber subscriber = new ErrorBodySubscriber(4);
    Recorder subscription = new Recorder();
    subscriber.onSubscribe(subscription);
    subscriber.onNext(List.of(bytes("ab"), bytes("cd")));
    subscriber.onComplete();
    ErrorBody body = body(subscriber);
    assertThat(new String(body.bytes(), StandardCharsets.US_ASCII)).isEqualTo("abcd");
    assertThat(body.cut()).isFalse();
    assertThat(subscription.cancelled).isFalse();
  }

  @Test
  void oneByteBeyondTheLimitCancelsTheSubscriptionAndMarksTheBodyCut() {
    ErrorBodySubscriber subscriber = new ErrorBodySubscriber(4);
    Recorder subscription = new Recorder();
    subscriber.onSubscribe(subscription);
    subscriber.onNext(List.of(bytes("abcde")));
    ErrorBody body = body(subscriber);
    assertThat(new String(body.bytes(), StandardCharsets.US_ASCII)).isEqualTo("abcd");
    assertThat(body.cut()).isTrue();
    assertThat(subscription.cancelled).isTrue();
    assertThat(subscription.requested).isEqualTo(1);
  }

  @Test
  void aZeroLimitReadsNothing() {
    ErrorBodySubscriber subscriber = new ErrorBodySubscriber(0);
    Recorder subscription = new Recorder();
    subscriber.onSubscribe(subscription);
    assertThat(body(subscriber).bytes()).isEmpty();
    assertThat(subscription.cancelled).isTrue();
    assertThat(subscription.requested).isZero();
  }

  @Test
  void aBodyThatBreaksOffKeepsWhatWasRead() {
    ErrorBodySubscriber subscriber = new ErrorBodySubscriber(100);
    subscriber.onSubscribe(new Recorder());
    subscriber.onNext(List.of(bytes("{\"code\":")));
    subscriber.onError(new IOException("connection reset"));
    ErrorBody body = body(subscriber);
    assertThat(new String(body.bytes(), StandardCharsets.US_ASCII)).isEqualTo("{\"code\":");
    assertThat(body.cut()).isTrue();
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static ErrorBody body(ErrorBodySubscriber subscriber) {
    return (ErrorBody) subscriber.getBody().toCompletableFuture().join();
  }
}
