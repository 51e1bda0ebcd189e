package dev.faultline.wire;

import dev.faultline.Fault;
import org.jspecify.annotations.Nullable;

/** A broken user decoder, registered first: it throws on responses with {@code x-explode}. */
public final class ExplodingDecoder implements ForeignErrorDecoder {
  @Override
  public @Nullable Fault decode(ForeignResponse response) {
    if (response.header("x-explode") != null) {
      throw new IllegalStateException("decoder bug");
    }
    return null;
  }
}
