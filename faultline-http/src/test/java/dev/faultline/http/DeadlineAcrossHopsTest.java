package dev.faultline.http;

import static dev.faultline.http.ClientSamples.thrown;
import static dev.faultline.http.ThreeHopChainTest.TRACE;
import static dev.faultline.http.ThreeHopChainTest.TRACEPARENT;
import static dev.faultline.http.ThreeHopChainTest.hops;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.RemoteFaultException;
import dev.faultline.context.CallContext;
import dev.faultline.context.Scope;
import dev.faultline.wire.ProblemJson;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The caller's budget crosses gateway → orders → inventory, shrinking at every hop; inventory,
 * which waits past its deadline, is named in the 504 and the whole chain that comes back to the
 * first caller, well within the time the caller gave. Each chain is warmed up first: the reserve
 * every hop keeps for the answer's way back is sized for a running service, not for class loading.
 */
@Timeout(10)
@SuppressWarnings("try") // scopes are opened for their effect on CallContext.current()
class DeadlineAcrossHopsTest {
  static final Duration PAUSE = Duration.ofMillis(30);
  static final Duration BUDGET = Duration.ofMillis(600);

  @Test
  void theBudgetShrinksAtEveryHopAndTheHopThatRanOutComesBackInTheChain() throws Exception {
    ServiceChain chain = ServiceChain.start(Exposure.INTERNAL, PAUSE);
    HttpClient client = FaultlineHttpClient.wrap(HttpClient.newHttpClient());
    try {
      chain.warmUp();
      long start = System.nanoTime();
      try (Scope scope = CallContext.newTrace().withTimeout(BUDGET).makeCurrent()) {
        HttpRequest request = HttpRequest.newBuilder(chain.gatewayUri("/checkout")).build();

        RemoteFaultException thrown =
            thrown(
                RemoteFaultException.class, () -> client.send(request, BodyHandlers.discarding()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(thrown).as("a remote fault, not a local timeout").isNotNull();
        assertBudgetsShrink(chain);
        assertRanOutAtInventory(thrown.fault());
      }
    } finally {
      chain.close();
    }
  }

  @Test
  void aRawBudgetHeaderIsHonouredAndTheChainComesBackAsA504() throws Exception {
    ServiceChain chain = ServiceChain.start(Exposure.INTERNAL, PAUSE);
    try {
      chain.warmUp();
      long start = System.nanoTime();
      HttpResponse<byte[]> response =
          Http.get(
              chain.gatewayUri("/checkout"),
              "traceparent",
              TRACEPARENT,
              "faultline-budget-ms",
              Long.toString(BUDGET.toMillis()));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(response.statusCode()).isEqualTo(504);
      assertBudgetsShrink(chain);
      Fault fault = ProblemJson.decode(response.body());
      assertThat(fault.traceId()).isEqualTo(TRACE);
      assertRanOutAtInventory(fault);
    } finally {
      chain.close();
    }
  }

  private static void assertBudgetsShrink(ServiceChain chain) {
    Duration gateway = Objects.requireNonNull(chain.gateway.budget, "gateway budget");
    Duration orders = Objects.requireNonNull(chain.orders.budget, "orders budget");
    Duration inventory = Objects.requireNonNull(chain.inventory.budget, "inventory budget");
    assertThat(gateway).isLessThanOrEqualTo(BUDGET).isGreaterThan(orders);
    assertThat(orders).isGreaterThan(inventory);
    assertThat(inventory).isPositive();
  }

  /** The answer is a 504 whose chain says inventory ran out while it looked for the SKU. */
  private static void assertRanOutAtInventory(Fault fault) {
    assertThat(fault.code()).isEqualTo(Code.DEADLINE_EXCEEDED);
    assertThat(hops(fault))
        .containsExactly(
            "gateway DEADLINE_EXCEEDED null",
            "orders DEADLINE_EXCEEDED null",
            "inventory DEADLINE_EXCEEDED DEADLINE_EXCEEDED_IN_SERVICE",
            "inventory NOT_FOUND SKU_NOT_FOUND");
  }
}
