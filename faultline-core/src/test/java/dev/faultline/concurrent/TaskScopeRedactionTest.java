package dev.faultline.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import dev.faultline.journal.FaultRecord;
import dev.faultline.journal.MemorySink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TaskScopeRedactionTest {
  private static final ExecutorService POOL = TestPools.named("charge", 2);
  private static final String CARD = "4111111111111111";

  @AfterAll
  static void stopPool() throws InterruptedException {
    TestPools.stop(POOL);
  }

  /** A charge request whose toString shows the card number, as careless toStrings do. */
  private static final class Charge {
    @Override
    public String toString() {
      return "Charge[card=" + CARD + ", amount=12.50]";
    }
  }

  private static final Function<Object, String> MASK_CARDS =
      input -> input.toString().replaceAll("\\d{12}(\\d{4})", "************$1");

  private static TaskScope<String> scope(Function<Object, String> redactor, FaultJournal journal) {
    return TaskScope.builder("charges")
        .policy(TaskScope.Policy.COLLECT_ALL)
        .executor(POOL)
        .inputSummary(redactor)
        .journal(journal)
        .build();
  }

  private static String failCharge() {
    throw new IllegalStateException("card declined");
  }

  @Test
  void aMaskedSecretAppearsNeitherInTheFailureNorInTheExceptionNorInItsStackTrace() {
    FaultJournal journal = FaultJournal.create(MemorySink.withCapacity(1));
    TaskScopeException e;
    try (TaskScope<String> scope = scope(MASK_CARDS, journal)) {
      scope.fork("charge", new Charge(), TaskScopeRedactionTest::failCharge);
      e = catchThrowableOfType(TaskScopeException.class, scope::join);
    }
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));

    assertThat(e.failures().get(0).input())
        .isEqualTo("Charge[card=************1111, amount=12.50]");
    assertThat(e.getMessage()).doesNotContain(CARD);
    assertThat(e.getSuppressed()[0].getMessage()).contains("************1111").doesNotContain(CARD);
    assertThat(trace.toString()).contains("************1111").doesNotContain(CARD);
  }

  @Test
  void aMaskedSecretDoesNotReachTheJournal() {
    MemorySink memory = MemorySink.withCapacity(10);
    FaultJournal journal = FaultJournal.create(memory);
    try (TaskScope<String> scope = scope(MASK_CARDS, journal)) {
      awaitEnd(scope.fork("charge", new Charge(), TaskScopeRedactionTest::failCharge));
    } // closed without join: the failure is journaled as unobserved

    List<FaultRecord> records = memory.await(1, Duration.ofSeconds(5));
    assertThat(records)
        .singleElement()
        .extracting(FaultRecord::kind)
        .isEqualTo(FaultKind.UNOBSERVED);
    assertThat(records.get(0).fault().metadata())
        .containsEntry("task.input", "Charge[card=************1111, amount=12.50]");
    assertThat(records.get(0).toString() + records.get(0).fault().metadata()).doesNotContain(CARD);
  }

  private static void awaitEnd(Subtask<?> subtask) {
    while (subtask.state() == Subtask.State.RUNNING) {
      Thread.onSpinWait();
    }
  }

  @Test
  void aRedactorThatThrowsGivesAPlaceholderAndTheScopeStillReportsEveryFailure() {
    Function<Object, String> broken =
        input -> {
          throw new IllegalArgumentException("cannot redact " + input);
        };
    TaskScopeException e;
    try (TaskScope<String> scope = scope(broken, FaultJournal.create())) {
      scope.fork("first", new Charge(), TaskScopeRedactionTest::failCharge);
      scope.fork("second", new Charge(), TaskScopeRedactionTest::failCharge);
      e = catchThrowableOfType(TaskScopeException.class, scope::join);
    }

    assertThat(e.failures())
        .extracting(TaskFailure::input)
        .containsExactly("<redaction failed>", "<redaction failed>");
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(CARD);
  }

  @Test
  void theDefaultSummaryIsTheInputsStringCutTo120Characters() {
    TaskScopeException e;
    try (TaskScope<String> scope =
        TaskScope.builder("charges").policy(TaskScope.Policy.COLLECT_ALL).executor(POOL).build()) {
      scope.fork("long", "x".repeat(500), TaskScopeRedactionTest::failCharge);
      scope.fork("short", 42, TaskScopeRedactionTest::failCharge);
      scope.fork("none", TaskScopeRedactionTest::failCharge);
      e = catchThrowableOfType(TaskScopeException.class, scope::join);
    }

    assertThat(e.failures().get(0).input()).hasSize(120).startsWith("xxx").endsWith("…");
    assertThat(e.failures().get(1).input()).isEqualTo("42");
    assertThat(e.failures().get(2).input()).isNull();
  }
}
