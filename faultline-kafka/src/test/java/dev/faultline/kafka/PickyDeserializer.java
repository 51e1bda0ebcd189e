package dev.faultline.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads UTF-8 text, and refuses the value {@code POISON} as a real deserializer refuses garbage.
 */
final class PickyDeserializer implements Deserializer<String> {
  @Override
  public String deserialize(String topic, byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    if (text.equals("POISON")) {
      throw new SerializationException("not a valid order: " + text.length() + " bytes");
    }
    return text;
  }
}
