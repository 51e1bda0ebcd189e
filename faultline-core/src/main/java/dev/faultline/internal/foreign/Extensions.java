package dev.faultline.internal.foreign;

import dev.faultline.Fault;
import dev.faultline.internal.Warnings;
import dev.faultline.wire.ForeignErrorDecoder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ForeignErrorDecoder}s registered with {@link ServiceLoader} (through the class loader
 * of Faultline), loaded once. A provider that cannot be loaded, and a decoder that throws, are
 * skipped and reported once.
 */
final class Extensions {
  private static final int MAX_PROVIDERS = 64;

  private Extensions() {}

  private static final class Loaded {
    static final List<ForeignErrorDecoder> DECODERS = load();
  }

  /** The first non-null answer of a registered decoder, or null. */
  static @Nullable Fault decode(BoundedResponse response) {
    for (ForeignErrorDecoder decoder : Loaded.DECODERS) {
      try {
        Fault fault = decoder.decode(response);
        if (fault != null) {
          return fault;
        }
      } catch (Exception | LinkageError | StackOverflowError e) {
        Warnings.once(
            "foreign-errors:" + decoder.getClass().getName(),
            "Faultline skipped the ForeignErrorDecoder " + decoder.getClass().getName(),
            e);
      }
    }
    return null;
  }

  private static List<ForeignErrorDecoder> load() {
    List<ForeignErrorDecoder> decoders = new ArrayList<>();
    try {
      Iterator<ForeignErrorDecoder> it =
          ServiceLoader.load(ForeignErrorDecoder.class, Extensions.class.getClassLoader())
              .iterator();
      for (int attempts = 0; attempts < MAX_PROVIDERS; attempts++) {
        try {
          if (!it.hasNext()) {
            break;
          }
          decoders.add(it.next());
        } catch (ServiceConfigurationError e) {
          Warnings.once("foreign-errors:spi", "Faultline skipped a ForeignErrorDecoder", e);
        }
      }
    } catch (RuntimeException | ServiceConfigurationError e) {
      Warnings.once("foreign-errors:spi", "Faultline could not load ForeignErrorDecoders", e);
    }
    return List.copyOf(decoders);
  }
}
