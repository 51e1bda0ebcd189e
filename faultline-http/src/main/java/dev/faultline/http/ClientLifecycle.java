package dev.faultline.http;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle methods that Java 21 added to {@link HttpClient} ({@code close}, {@code shutdown},
 * {@code shutdownNow}, {@code awaitTermination}, {@code isTerminated}), called on the wrapped
 * client when the running JDK has them. Faultline is compiled for Java 17, where they do not exist,
 * so they are looked up once by name; on Java 17 each is a no-op.
 */
final class ClientLifecycle {
  private static final @Nullable MethodHandle CLOSE =
      find("close", MethodType.methodType(void.class));
  private static final @Nullable MethodHandle SHUTDOWN =
      find("shutdown", MethodType.methodType(void.class));
  private static final @Nullable MethodHandle SHUTDOWN_NOW =
      find("shutdownNow", MethodType.methodType(void.class));
  private static final @Nullable MethodHandle AWAIT =
      find("awaitTermination", MethodType.methodType(boolean.class, Duration.class));
  private static final @Nullable MethodHandle IS_TERMINATED =
      find("isTerminated", MethodType.methodType(boolean.class));

  private ClientLifecycle() {}

  static void close(HttpClient client) {
    run(CLOSE, client);
  }

  static void shutdown(HttpClient client) {
    run(SHUTDOWN, client);
  }

  static void shutdownNow(HttpClient client) {
    run(SHUTDOWN_NOW, client);
  }

  /** True on Java 17, where a client has no lifecycle: there is nothing to wait for. */
  static boolean awaitTermination(HttpClient client, Duration duration)
      throws InterruptedException {
    if (AWAIT == null) {
      return true;
    }
    try {
      return (boolean) AWAIT.invoke(client, duration);
    } catch (InterruptedException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** False on Java 17, where a client cannot be terminated. */
  static boolean isTerminated(HttpClient client) {
    if (IS_TERMINATED == null) {
      return false;
    }
    try {
      return (boolean) IS_TERMINATED.invoke(client);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static void run(@Nullable MethodHandle method, HttpClient client) {
    if (method == null) {
      return;
    }
    try {
      method.invoke(client);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static @Nullable MethodHandle find(String name, MethodType type) {
    try {
      return MethodHandles.publicLookup().findVirtual(HttpClient.class, name, type);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }
}
