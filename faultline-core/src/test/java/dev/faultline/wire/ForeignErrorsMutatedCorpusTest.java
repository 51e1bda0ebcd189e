package dev.faultline.wire;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.faultline.Fault;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Fuzz-style: every corpus response, mutated at random (bytes flipped, cut, spliced, nested), still
 * decodes to a fault without an exception, and no input makes a decoder allocate without bound.
 */
class ForeignErrorsMutatedCorpusTest {

  @Provide
  Arbitrary<String> files() {
    return Arbitraries.of(Corpus.httpFiles());
  }

  @Property(tries = 2000)
  void decodesEveryMutationOfEveryCorpusResponse(
      @ForAll("files") String file, @ForAll long seed, @ForAll("statuses") int status) {
    RawHttp http = Corpus.response(file);
    byte[] body = mutate(http.body(), new Random(seed));

    Fault fault = ForeignErrors.decode(status, http.headers(), body);
    assertThat(fault).isNotNull();
    assertThat(ProblemJson.decode(body)).isNotNull();
    assertThat(FaultHeader.decode(body)).isNotNull();
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.oneOf(
        Arbitraries.of(200, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504),
        Arbitraries.integers().between(-1, 1000));
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] body = original.clone();
    int mutations = 1 + random.nextInt(8);
    for (int i = 0; i < mutations && body.length > 0; i++) {
      int at = random.nextInt(body.length);
      switch (random.nextInt(5)) {
        case 0 -> body[at] = (byte) random.nextInt(256);
        case 1 -> body = Arrays.copyOf(body, at);
        case 2 -> body = splice(body, at, "[{\"a\":".repeat(1 + random.nextInt(3000)));
        case 3 -> body = splice(body, at, new String(body, ISO_8859_1));
        default -> body = splice(body, at, "\"\\u" + Integer.toHexString(random.nextInt()) + "\"");
      }
    }
    return body;
  }

  private static byte[] splice(byte[] body, int at, String insert) {
    byte[] piece = insert.getBytes(ISO_8859_1);
    byte[] out = new byte[body.length + piece.length];
    System.arraycopy(body, 0, out, 0, at);
    System.arraycopy(piece, 0, out, at, piece.length);
    System.arraycopy(body, at, out, at + piece.length, body.length - at);
    return out;
  }

  @Test
  void allocatesInProportionToTheLimitNotToTheInput() {
    Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));
    for (IntFunction<byte[]> shape :
        List.<IntFunction<byte[]>>of(
            size -> ("{\"message\":\"" + "x".repeat(size) + "\"}").getBytes(UTF_8),
            size -> "[".repeat(size).getBytes(UTF_8),
            ForeignErrorsMutatedCorpusTest::manyMembers)) {
      byte[] overLimit = shape.apply(512 << 10);
      byte[] huge = shape.apply(10 << 20);
      long foreignOver = allocatedBy(() -> ForeignErrors.decode(500, json, overLimit));
      long foreignHuge = allocatedBy(() -> ForeignErrors.decode(500, json, huge));
      long problemOver = allocatedBy(() -> ProblemJson.decode(overLimit));
      long problemHuge = allocatedBy(() -> ProblemJson.decode(huge));

      // Both inputs are beyond the 256 KiB default limit: twenty times the input, the same work.
      assertThat(foreignHuge).isLessThan(2 * foreignOver + (1 << 20)).isLessThan(16 << 20);
      assertThat(problemHuge).isLessThan(2 * problemOver + (1 << 20)).isLessThan(16 << 20);
    }
  }

  private static byte[] manyMembers(int size) {
    StringBuilder s = new StringBuilder(size + 64).append("{\"code\":\"INTERNAL\",\"metadata\":{");
    for (int i = 0; s.length() < size; i++) {
      s.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    return s.append("}}").toString().getBytes(UTF_8);
  }

  private static long allocatedBy(Runnable work) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    work.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
