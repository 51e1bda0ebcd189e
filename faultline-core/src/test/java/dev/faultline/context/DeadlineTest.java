package dev.faultline.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DeadlineTest {

  @Test
  @Timeout(5)
  void expiresAfterItsBudgetAndNeverGoesNegative() throws InterruptedException {
    Deadline deadline = Deadline.after(Duration.ofMillis(20));

    assertThat(deadline.isExpired()).isFalse();
    assertThat(deadline.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(20));
    Thread.sleep(40);

    assertThat(deadline.isExpired()).isTrue();
    assertThat(deadline.remaining()).isEqualTo(Duration.ZERO);
  }

  @Test
  void zeroAndNegativeBudgetsAreExpiredAtOnce() {
    assertThat(Deadline.after(Duration.ZERO).isExpired()).isTrue();
    assertThat(Deadline.after(Duration.ofSeconds(-5)).remaining()).isEqualTo(Duration.ZERO);
  }

  @Test
  void hugeBudgetsDoNotOverflow() {
    Deadline forever = Deadline.after(ChronoUnit.FOREVER.getDuration());

    assertThat(forever.isExpired()).isFalse();
    assertThat(forever.remaining()).isGreaterThan(Duration.ofDays(365 * 50));
  }

  @Test
  void earliestPicksTheSoonerDeadline() {
    Deadline soon = Deadline.after(Duration.ofSeconds(1));
    Deadline late = Deadline.after(Duration.ofMinutes(1));

    assertThat(soon.earliest(late)).isSameAs(soon);
    assertThat(late.earliest(soon)).isSameAs(soon);
    assertThat(late.earliest(null)).isSameAs(late);
  }
}
