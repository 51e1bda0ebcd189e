package dev.faultline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final long MS = 1_000_000L;

  @Test
  void doublesEachTimeWithJitterAndStopsAtTheMaximum() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.delayNanos(1, null)).isBetween(50 * MS, 100 * MS);
      assertThat(backoff.delayNanos(2, null)).isBetween(100 * MS, 200 * MS);
      assertThat(backoff.delayNanos(4, null)).isBetween(400 * MS, 800 * MS);
      assertThat(backoff.delayNanos(5, null)).isBetween(500 * MS, 1000 * MS);
      assertThat(backoff.delayNanos(1000, null)).isBetween(500 * MS, 1000 * MS);
    }
  }

  @Test
  void aLongerRetryAfterHintWinsButStaysBounded() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
    assertThat(backoff.delayNanos(1, Duration.ofMillis(700))).isEqualTo(700 * MS);
    assertThat(backoff.delayNanos(1, Duration.ofHours(1))).isEqualTo(1000 * MS);
  }
}
