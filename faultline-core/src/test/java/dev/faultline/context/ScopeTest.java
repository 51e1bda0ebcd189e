package dev.faultline.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.internal.ContextStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scopes are opened for their effect, not referenced
class ScopeTest {

  @AfterEach
  void threadIsBackToRoot() {
    assertThat(ContextStorage.stored()).isNull();
  }

  @Test
  void makeCurrentLastsUntilTheScopeCloses() {
    CallContext context = CallContext.newTrace();

    try (Scope scope = context.makeCurrent()) {
      assertThat(CallContext.current()).isSameAs(context);
    }

    assertThat(CallContext.current().isRoot()).isTrue();
  }

  @Test
  void nestedScopesRestoreTheirOuterContext() {
    CallContext outer = CallContext.newTrace();
    CallContext inner = outer.newSpan();

    try (Scope a = outer.makeCurrent()) {
      try (Scope b = inner.makeCurrent()) {
        assertThat(CallContext.current()).isSameAs(inner);
      }
      assertThat(CallContext.current()).isSameAs(outer);
    }
  }

  @Test
  void theRootContextIsNeverStored() {
    try (Scope outer = CallContext.newTrace().makeCurrent();
        Scope root = CallContext.root().makeCurrent()) {
      assertThat(ContextStorage.stored()).isNull();
      assertThat(CallContext.current().isRoot()).isTrue();
    }
  }

  @Test
  void aSecondCloseDoesNothing() {
    CallContext outer = CallContext.newTrace();
    try (Scope a = outer.makeCurrent()) {
      Scope b = outer.newSpan().makeCurrent();
      b.close();
      CallContext other = CallContext.newTrace();
      try (Scope c = other.makeCurrent()) {
        b.close();
        assertThat(CallContext.current()).isSameAs(other);
      }
      assertThat(CallContext.current()).isSameAs(outer);
    }
  }

  @Test
  void makingTheCurrentContextCurrentAgainRestoresNothing() {
    CallContext context = CallContext.newTrace();

    try (Scope a = context.makeCurrent()) {
      try (Scope again = context.makeCurrent()) {
        assertThat(CallContext.current()).isSameAs(context);
      }
      assertThat(CallContext.current()).isSameAs(context);
    }
  }
}
