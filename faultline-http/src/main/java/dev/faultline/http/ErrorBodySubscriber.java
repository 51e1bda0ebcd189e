package dev.faultline.http;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Collects at most {@code limit} bytes of an error body and then cancels the subscription, so a
 * huge or endless body is never read whole (the JDK then closes the connection). A body that breaks
 * off gives what was read so far: the status alone still says what kind of failure it was.
 */
final class ErrorBodySubscriber implements BodySubscriber<Object> {
  private final int limit;
  private final CompletableFuture<Object> result = new CompletableFuture<>();
  private byte[] bytes;
  private int size;
  private Flow.@Nullable Subscription subscription;

  ErrorBodySubscriber(int limit) {
    this.limit = limit;
    this.bytes = new byte[Math.min(limit, 8192)];
  }

  @Override
  public CompletionStage<Object> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    Objects.requireNonNull(s, "subscription");
    if (subscription != null || result.isDone()) {
      s.cancel();
      return;
    }
    subscription = s;
    if (limit == 0) {
      finish(true);
      return;
    }
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      if (!append(item)) {
        finish(true);
        return;
      }
    }
    Objects.requireNonNull(subscription).request(1);
  }

  @Override
  public void onError(Throwable failure) {
    result.complete(new ErrorBody(Arrays.copyOf(bytes, size), true));
  }

  @Override
  public void onComplete() {
    result.complete(new ErrorBody(Arrays.copyOf(bytes, size), false));
  }

  /** Copies {@code item} within the limit; false when the limit cut it. */
  private boolean append(ByteBuffer item) {
    int take = Math.min(item.remaining(), limit - size);
    if (size + take > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(size + take, bytes.length * 2)));
    }
    item.get(bytes, size, take);
    size += take;
    return !item.hasRemaining();
  }

  private void finish(boolean cut) {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    result.complete(new ErrorBody(Arrays.copyOf(bytes, size), cut));
  }
}
