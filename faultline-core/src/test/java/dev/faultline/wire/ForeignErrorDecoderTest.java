package dev.faultline.wire;

import static dev.faultline.wire.Responses.decode;
import static dev.faultline.wire.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Fault;
import org.junit.jupiter.api.Test;

/** Decoders registered with ServiceLoader are asked first; a broken one is skipped. */
class ForeignErrorDecoderTest {
  private static final String KUBERNETES_NOT_FOUND =
      json("{'kind':'Status','reason':'NotFound','message':'pods not found','code':404}");

  @Test
  void aRegisteredDecoderWinsOverTheBuiltInsForItsFormat() {
    Fault fault = decode(404, KUBERNETES_NOT_FOUND, "x-acme-error", "QUOTA");

    assertThat(fault.code()).isEqualTo(Code.RESOURCE_EXHAUSTED);
    assertThat(fault.reason()).isEqualTo("ACME_QUOTA");
    assertThat(fault.message()).isEqualTo("pods not found");
  }

  @Test
  void theBuiltInsAnswerWhenNoRegisteredDecoderDoes() {
    Fault fault = decode(404, KUBERNETES_NOT_FOUND);

    assertThat(fault.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(fault.metadata()).containsEntry("format", "kubernetes");
  }

  @Test
  void aDecoderThatThrowsIsSkipped() {
    Fault alone = decode(404, KUBERNETES_NOT_FOUND, "x-explode", "1");
    assertThat(alone.code()).isEqualTo(Code.NOT_FOUND);

    Fault withNext = decode(404, KUBERNETES_NOT_FOUND, "x-explode", "1", "X-ACME-ERROR", "BUSY");
    assertThat(withNext.reason()).isEqualTo("ACME_BUSY");
  }
}
