package dev.faultline.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.wire.ProblemJson;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A three-hop fault chain (orders, caused by inventory, caused by the stock database) as
 * problem+json at {@code INTERNAL} exposure: {@link ProblemJson} against jackson-databind 3
 * serializing and deserializing the same document as a {@link ProblemTree} POJO. The POJO is read
 * from Faultline's own encoding, so both sides carry the same members and values.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .changeDefaultPropertyInclusion(
              incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private Fault fault;
  private byte[] faultlineBytes;
  private ProblemTree tree;
  private byte[] jacksonBytes;

  /** The chain, its encoding by each side, and the POJO tree. */
  @Setup(Level.Trial)
  public void setUp() {
    fault = chain();
    faultlineBytes = ProblemJson.encode(fault, Exposure.INTERNAL);
    tree = MAPPER.readValue(faultlineBytes, ProblemTree.class);
    jacksonBytes = MAPPER.writeValueAsBytes(tree);
  }

  /** orders INTERNAL, caused by inventory NOT_FOUND, caused by stock-db UNAVAILABLE. */
  public static Fault chain() {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    Fault db =
        Fault.builder(Code.UNAVAILABLE)
            .reason("STOCK_DB_UNAVAILABLE")
            .domain("stock.example.com")
            .message("The stock database did not answer")
            .service("stock-db")
            .traceId(trace)
            .metadata("shard", "7")
            .build();
    Fault inventory =
        Fault.builder(Code.NOT_FOUND)
            .reason("SKU_NOT_FOUND")
            .domain("inventory.example.com")
            .message("No such SKU: 42")
            .service("inventory")
            .traceId(trace)
            .metadata("sku", "42")
            .cause(db)
            .build();
    return Fault.builder(Code.INTERNAL)
        .reason("RESERVATION_FAILED")
        .domain("orders.example.com")
        .message("Could not reserve stock for order 1234")
        .service("orders")
        .traceId(trace)
        .metadata("order", "1234")
        .cause(inventory)
        .build();
  }

  /** Faultline: the fault to bytes. */
  @Benchmark
  public byte[] faultlineEncode() {
    return ProblemJson.encode(fault, Exposure.INTERNAL);
  }

  /** Faultline: bytes to a fault. */
  @Benchmark
  public Fault faultlineDecode() {
    return ProblemJson.decode(faultlineBytes);
  }

  /** Faultline: encode, then decode. */
  @Benchmark
  public Fault faultlineRoundTrip() {
    return ProblemJson.decode(ProblemJson.encode(fault, Exposure.INTERNAL));
  }

  /** jackson-databind: the POJO tree to bytes. */
  @Benchmark
  public byte[] jacksonEncode() {
    return MAPPER.writeValueAsBytes(tree);
  }

  /** jackson-databind: bytes to a POJO tree. */
  @Benchmark
  public ProblemTree jacksonDecode() {
    return MAPPER.readValue(jacksonBytes, ProblemTree.class);
  }

  /** jackson-databind: serialize, then deserialize. */
  @Benchmark
  public ProblemTree jacksonRoundTrip() {
    return MAPPER.readValue(MAPPER.writeValueAsBytes(tree), ProblemTree.class);
  }
}
