package dev.faultline.http;

import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.util.function.IntPredicate;

/**
 * The user's body handler with error responses taken out: for a status the client counts as an
 * error, the body is collected (bounded) into an {@link ErrorBody} for decoding; for any other
 * status the user's handler runs exactly as it would without Faultline.
 */
final class ErrorAwareHandler<T> implements BodyHandler<Object> {
  private final BodyHandler<T> user;
  private final IntPredicate isError;
  private final int maxErrorBody;

  ErrorAwareHandler(BodyHandler<T> user, IntPredicate isError, int maxErrorBody) {
    this.user = user;
    this.isError = isError;
    this.maxErrorBody = maxErrorBody;
  }

  @Override
  public BodySubscriber<Object> apply(ResponseInfo info) {
    if (isError.test(info.statusCode())) {
      return new ErrorBodySubscriber(maxErrorBody);
    }
    return erase(user.apply(info));
  }

  /** The user's subscriber seen as producing an Object; its body is still a T at run time. */
  @SuppressWarnings("unchecked")
  static <T> BodySubscriber<Object> erase(BodySubscriber<T> subscriber) {
    return (BodySubscriber<Object>) (BodySubscriber<?>) subscriber;
  }
}
