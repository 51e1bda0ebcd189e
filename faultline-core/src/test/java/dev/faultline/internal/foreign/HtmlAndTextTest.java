package dev.faultline.internal.foreign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Remote text becomes a short single line, and HTML becomes text without markup. */
class HtmlAndTextTest {
  @Test
  void collapsesWhitespaceAndControlCharacters() {
    assertThat(RemoteText.clean("  a\r\n\tb\u0000c  ", 100)).isEqualTo("a b c");
    assertThat(RemoteText.clean(" \n ", 100)).isNull();
  }

  @Test
  void neverCutsInsideASurrogatePair() {
    assertThat(RemoteText.clean("ab\uD83D\uDE00", 3)).isEqualTo("ab");
  }

  @Test
  void readsElementTextWithoutTagsAndWithEntitiesDecoded() {
    String html = "<HTML><Title id=x>Fish &amp; <b>Chips</b></title><h1>H</h1></HTML>";

    assertThat(Html.element(html, "title")).isEqualTo("Fish & Chips");
    assertThat(Html.element(html, "h1")).isEqualTo("H");
    assertThat(Html.element(html, "pre")).isNull();
  }

  @Test
  void doesNotMistakeALongerTagForTheOneAskedFor() {
    assertThat(Html.element("<header>no</header><h1>yes</h1>", "h")).isNull();
    assertThat(Html.element("<preface>no</preface><pre>yes</pre>", "pre")).isEqualTo("yes");
  }
}
