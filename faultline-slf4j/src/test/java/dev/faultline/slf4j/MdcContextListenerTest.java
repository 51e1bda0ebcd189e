package dev.faultline.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;

@Timeout(10)
@SuppressWarnings("try") // scopes are opened for their effect, not referenced
class MdcContextListenerTest {
  private static final ExecutorService POOL = Executors.newSingleThreadExecutor();

  @BeforeAll
  static void aRealMdcIsInUse() {
    assertThat(MDC.getMDCAdapter()).isInstanceOf(BasicMDCAdapter.class);
  }

  @AfterAll
  static void stopPool() {
    POOL.shutdownNow();
  }

  @Test
  void theMdcHasTheContextWhileItIsCurrentAndNotAfter() {
    CallContext context = CallContext.newTrace().withService("orders");

    try (Scope scope = context.makeCurrent()) {
      assertThat(MDC.get(MdcContextListener.TRACE_ID)).isEqualTo(context.traceId());
      assertThat(MDC.get(MdcContextListener.SPAN_ID)).isEqualTo(context.spanId());
      assertThat(MDC.get(MdcContextListener.SERVICE)).isEqualTo("orders");
    }

    assertThat(MDC.get(MdcContextListener.TRACE_ID)).isNull();
    assertThat(MDC.get(MdcContextListener.SPAN_ID)).isNull();
    assertThat(MDC.get(MdcContextListener.SERVICE)).isNull();
  }

  @Test
  void anInnerSpanReplacesTheSpanAndItsEndPutsTheOuterBack() {
    CallContext outer = CallContext.newTrace();
    CallContext inner = outer.newSpan().withService("inventory");

    try (Scope a = outer.makeCurrent()) {
      try (Scope b = inner.makeCurrent()) {
        assertThat(MDC.get(MdcContextListener.SPAN_ID)).isEqualTo(inner.spanId());
        assertThat(MDC.get(MdcContextListener.SERVICE)).isEqualTo("inventory");
      }
      assertThat(MDC.get(MdcContextListener.SPAN_ID)).isEqualTo(outer.spanId());
      assertThat(MDC.get(MdcContextListener.SERVICE)).isNull();
    }
  }

  @Test
  void aWrappedTaskLogsWithTheCapturedTraceOnAnotherThreadAndNotAfter() throws Exception {
    CallContext context = CallContext.newTrace().withService("orders");

    Future<Map<String, String>> inside = POOL.submit(context.wrap(MDC::getCopyOfContextMap));
    Map<String, String> seen = inside.get();
    Map<String, String> after = POOL.submit(MDC::getCopyOfContextMap).get();

    assertThat(seen)
        .containsEntry(MdcContextListener.TRACE_ID, context.traceId())
        .containsEntry(MdcContextListener.SPAN_ID, context.spanId())
        .containsEntry(MdcContextListener.SERVICE, "orders");
    assertThat(after == null ? Map.<String, String>of() : after)
        .doesNotContainKeys(
            MdcContextListener.TRACE_ID, MdcContextListener.SPAN_ID, MdcContextListener.SERVICE);
  }
}
