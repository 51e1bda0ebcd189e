package dev.faultline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Runs on Java 21 and newer only (src/test/java21): the contract behaves the same on virtual threads. */
class VirtualThreadClassificationTest {

  @Test
  void classifiesAFailureRaisedOnAVirtualThreadLikeOneFromAPlatformThread() throws Exception {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      CompletableFuture<Fault> fault =
          CompletableFuture.supplyAsync(
              () -> {
                assertThat(Thread.currentThread().isVirtual()).isTrue();
                return Faults.classify(new TimeoutException("slow"));
              },
              executor);
      assertThat(fault.get().code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    }
  }
}
