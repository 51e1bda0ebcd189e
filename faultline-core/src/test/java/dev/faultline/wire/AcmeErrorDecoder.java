package dev.faultline.wire;

import dev.faultline.Code;
import dev.faultline.Fault;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A user's decoder, registered in META-INF/services: answers for responses with {@code
 * x-acme-error}, whatever their body says, and reads its JSON tree.
 */
public final class AcmeErrorDecoder implements ForeignErrorDecoder {
  @Override
  public @Nullable Fault decode(ForeignResponse response) {
    String error = response.header("X-Acme-Error");
    if (error == null) {
      return null;
    }
    Object body = response.json();
    String message = body instanceof Map<?, ?> map ? String.valueOf(map.get("message")) : "none";
    return Fault.builder(Code.RESOURCE_EXHAUSTED).reason("ACME_" + error).message(message).build();
  }
}
