package dev.faultline.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FaultRecordTest {

  @Test
  void takesServiceTraceAndSpanFromTheFaultAndTheThreadFromTheReporter() {
    Instant before = Instant.now();
    FaultRecord record = FaultRecord.of(FaultKind.TASK, Samples.chain(), null, "import#2");

    assertThat(record.service()).isEqualTo("orders");
    assertThat(record.traceId()).isEqualTo(Samples.TRACE);
    assertThat(record.spanId()).isEqualTo(Samples.SPAN);
    assertThat(record.thread()).isEqualTo(Thread.currentThread().getName());
    assertThat(record.task()).isEqualTo("import#2");
    assertThat(record.time()).isBetween(before, Instant.now());
  }

  @Test
  void namesTheExceptionClassFromTheThrowableElseFromTheFault() {
    Fault classified = Samples.chain(); // classified from an IllegalStateException

    assertThat(
            FaultRecord.of(FaultKind.TASK, classified, new ArithmeticException(), null).exception())
        .isEqualTo("java.lang.ArithmeticException");
    assertThat(FaultRecord.of(FaultKind.TASK, classified, null, null).exception())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(FaultRecord.of(FaultKind.TASK, Fault.of(Code.INTERNAL, "x"), null, null).exception())
        .isNull();
  }

  @Test
  void copiesWithAnotherTimeOrThreadAndComparesByValue() {
    FaultRecord record = Samples.bare("x");
    Instant then = Instant.parse("2026-01-01T00:00:00Z");

    assertThat(record.withTime(then).time()).isEqualTo(then);
    assertThat(record.withThread("t").thread()).isEqualTo("t");
    assertThat(record.withThread("t")).isEqualTo(record.withThread("t")).isNotEqualTo(record);
    assertThat(record.toString()).contains("task").contains("INTERNAL: x");
  }

  @Test
  void namesEveryKindForTheWire() {
    assertThat(Arrays.stream(FaultKind.values()).map(FaultKind::wireName))
        .containsExactly(
            "uncaught",
            "unobserved",
            "late",
            "rejected",
            "periodic",
            "task",
            "server",
            "client",
            "dead-letter");
  }
}
