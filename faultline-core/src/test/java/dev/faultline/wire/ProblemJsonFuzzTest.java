package dev.faultline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Exposure;
import dev.faultline.Fault;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ProblemJsonFuzzTest {
  private static final byte[] VALID = ProblemJson.encode(SampleFaults.chain(), Exposure.DEBUG);

  @Property(tries = 500)
  void decodesArbitraryBytesWithoutThrowing(@ForAll @Size(max = 512) byte[] body) {
    Fault f = ProblemJson.decode(body, DecodeLimits.DEFAULT.withMaxNesting(4));

    assertThat(f.message()).isNotNull();
  }

  @Property(tries = 1000)
  void decodesAValidProblemWithOneByteChangedWithoutThrowing(
      @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll byte value) {
    byte[] body = VALID.clone();
    body[position % body.length] = value;

    Fault f = ProblemJson.decode(body);

    assertThat(f.depth()).isBetween(1, DecodeLimits.DEFAULT.maxDepth());
  }
}
