package dev.faultline.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@SuppressWarnings("try") // scopes are opened for their effect, not referenced
class ContextListenerTest {

  /** Registered in META-INF/services; records what it is told on the test's thread. */
  public static final class Recording implements ContextListener {
    static final List<CallContext> SEEN = new CopyOnWriteArrayList<>();
    static volatile boolean recording;

    @Override
    public void contextChanged(CallContext current) {
      if (recording) {
        SEEN.add(current);
      }
    }
  }

  /** Registered before {@link Recording}; throws for the service "explode". */
  public static final class Throwing implements ContextListener {
    @Override
    public void contextChanged(CallContext current) {
      if ("explode".equals(current.service())) {
        throw new IllegalStateException("listener failed");
      }
    }
  }

  @BeforeEach
  void record() {
    Recording.SEEN.clear();
    Recording.recording = true;
  }

  @AfterEach
  void stop() {
    Recording.recording = false;
  }

  @Test
  void isToldOfEveryAttachAndRestore() {
    CallContext outer = CallContext.newTrace();
    CallContext inner = outer.newSpan();

    try (Scope a = outer.makeCurrent();
        Scope b = inner.makeCurrent()) {
      assertThat(Recording.SEEN).containsExactly(outer, inner);
    }

    assertThat(Recording.SEEN).containsExactly(outer, inner, outer, CallContext.root());
  }

  @Test
  @Timeout(10)
  void isToldOnTheThreadThatRunsAWrappedTask() throws InterruptedException {
    CallContext context = CallContext.newTrace();
    List<Thread> threads = new CopyOnWriteArrayList<>();
    Thread worker =
        new Thread(
            context.wrap(
                () -> {
                  threads.add(Thread.currentThread());
                }),
            "worker");

    worker.start();
    worker.join();

    assertThat(Recording.SEEN).containsExactly(context, CallContext.root());
    assertThat(threads).containsExactly(worker);
  }

  @Test
  void aThrowingListenerIsSkippedAndTheOthersAreStillTold() {
    CallContext context = CallContext.newTrace().withService("explode");

    try (Scope scope = context.makeCurrent()) {
      assertThat(CallContext.current()).isSameAs(context);
    }

    assertThat(Recording.SEEN).containsExactly(context, CallContext.root());
  }
}
