package dev.faultline.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallContextTest {

  @Test
  void rootHasNothingAndIsCurrentWhenNoneWasMade() {
    CallContext root = CallContext.root();

    assertThat(root.isRoot()).isTrue();
    assertThat(root.traceParent()).isNull();
    assertThat(root.traceId()).isNull();
    assertThat(root.spanId()).isNull();
    assertThat(root.deadline()).isNull();
    assertThat(root.service()).isNull();
    assertThat(CallContext.current()).isSameAs(root);
  }

  @Test
  void withCopiesLeaveTheOriginalUnchanged() {
    CallContext base = CallContext.newTrace();

    CallContext copy = base.withService("orders").withCaller("web").withTier("prod");

    assertThat(base.service()).isNull();
    assertThat(copy.service()).isEqualTo("orders");
    assertThat(copy.caller()).isEqualTo("web");
    assertThat(copy.tier()).isEqualTo("prod");
    assertThat(copy.traceParent()).isEqualTo(base.traceParent());
    assertThat(copy.isRoot()).isFalse();
  }

  @Test
  void removingEveryValueGivesTheRootBack() {
    CallContext context = CallContext.root().withService("orders").withTraceState("a=1");

    assertThat(context.withService(null).withTraceState(null).isRoot()).isTrue();
  }

  @Test
  void withTraceStateDropsAnInvalidList() {
    CallContext context = CallContext.newTrace().withTraceState("a=1");

    assertThat(context.traceState()).isEqualTo("a=1");
    assertThat(context.withTraceState("A=1").traceState()).isNull();
  }

  @Test
  void newSpanKeepsTheTraceWithANewSpanId() {
    CallContext context = CallContext.newTrace().withTraceState("a=1").withService("orders");

    CallContext span = context.newSpan();

    assertThat(span.traceId()).isEqualTo(context.traceId());
    assertThat(span.spanId()).isNotEqualTo(context.spanId());
    assertThat(span.traceState()).isEqualTo("a=1");
    assertThat(span.service()).isEqualTo("orders");
  }

  @Test
  void newSpanStartsATraceWhenThereIsNone() {
    CallContext span = CallContext.root().withService("orders").newSpan();

    assertThat(span.traceParent()).isNotNull();
    assertThat(span.traceParent().sampled()).isTrue();
    assertThat(span.service()).isEqualTo("orders");
  }

  @Test
  void withTimeoutKeepsTheEarlierDeadline() {
    Deadline soon = Deadline.after(Duration.ofSeconds(1));
    CallContext context = CallContext.root().withDeadline(soon);

    assertThat(context.withTimeout(Duration.ofHours(1)).deadline()).isSameAs(soon);
    assertThat(context.withTimeout(Duration.ofMillis(10)).deadline()).isNotSameAs(soon);
    assertThat(CallContext.root().withTimeout(Duration.ofHours(1)).deadline()).isNotNull();
  }
}
