package dev.faultline.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.internal.ContextStorage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Closing scopes out of order: reported at most once per process, repaired, strict mode. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScopeOrderTest {

  @AfterEach
  void strictModeOffAndThreadBackToRoot() {
    StrictContext.disable();
    assertThat(ContextStorage.stored()).isNull();
  }

  @Test
  @Order(1)
  void closingOutOfOrderIsReportedOnceAndStillRestores() {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("dev.faultline");
    Handler handler = recorder(records);
    logger.addHandler(handler);
    try {
      leakAnInnerScope();
      leakAnInnerScope();
    } finally {
      logger.removeHandler(handler);
    }

    // Once per process: another suite in this JVM may already have used the one report.
    assertThat(records)
        .filteredOn(r -> r.getMessage().contains("out of order"))
        .hasSizeLessThanOrEqualTo(1);
  }

  @Test
  @Order(2)
  void strictModeThrowsAfterRestoring() {
    StrictContext.enable();
    CallContext outer = CallContext.newTrace();
    Scope scope = outer.makeCurrent();
    outer.newSpan().makeCurrent();

    assertThatThrownBy(scope::close)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed out of order");
    assertThat(CallContext.current().isRoot()).isTrue();
  }

  @Test
  @Order(3)
  void strictModeCanBeTurnedOffAgain() {
    StrictContext.enable();
    assertThat(StrictContext.isEnabled()).isTrue();
    StrictContext.disable();

    leakAnInnerScope();

    assertThat(StrictContext.isEnabled()).isFalse();
  }

  @Test
  @Order(4)
  void aWrappedTaskThatLeaksAScopeKeepsItsOwnFailureUnderStrictMode() {
    StrictContext.enable();
    CallContext context = CallContext.newTrace();
    Runnable task =
        context.wrap(
            (Runnable)
                () -> {
                  context.newSpan().makeCurrent();
                  throw new IllegalArgumentException("task failed");
                });

    assertThatThrownBy(task::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task failed")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .hasOnlyElementsOfType(IllegalStateException.class)
                    .hasSize(1));
    assertThat(CallContext.current().isRoot()).isTrue();
  }

  private static void leakAnInnerScope() {
    CallContext outer = CallContext.newTrace();
    Scope scope = outer.makeCurrent();
    outer.newSpan().makeCurrent();

    scope.close();

    assertThat(CallContext.current().isRoot()).isTrue();
  }

  private static Handler recorder(List<LogRecord> records) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
