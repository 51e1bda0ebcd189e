package dev.faultline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteFaultExceptionTest {

  private static Fault threeHops() {
    Fault inventory =
        Fault.builder(Code.NOT_FOUND)
            .service("inventory")
            .reason("SKU_NOT_FOUND")
            .message("No such SKU: 42")
            .stackTrace(List.of("com.acme.inventory.Stock.reserve(Stock.java:42)"))
            .build();
    Fault orders =
        Fault.builder(Code.INTERNAL)
            .service("orders")
            .reason("RESERVATION_FAILED")
            .message("Could not reserve stock")
            .cause(inventory)
            .build();
    return Fault.builder(Code.INTERNAL)
        .service("gateway")
        .message("Order failed")
        .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
        .cause(orders)
        .build();
  }

  @Test
  void rebuildsTheRemoteChainAsCausesOfTheSameType() {
    RemoteFaultException top = new RemoteFaultException(threeHops());

    assertThat(top.getCause()).isInstanceOf(RemoteFaultException.class);
    RemoteFaultException orders = (RemoteFaultException) top.getCause();
    assertThat(orders.fault().service()).isEqualTo("orders");
    RemoteFaultException inventory = (RemoteFaultException) orders.getCause();
    assertThat(inventory.fault().service()).isEqualTo("inventory");
    assertThat(inventory.getCause()).isNull();
  }

  @Test
  void printsEachHopAsACausedByLineThatNamesTheService() {
    StringWriter out = new StringWriter();
    new RemoteFaultException(threeHops()).printStackTrace(new PrintWriter(out));
    String printed = out.toString();

    assertThat(printed)
        .contains("dev.faultline.RemoteFaultException: [gateway] INTERNAL: Order failed")
        .contains(
            "Caused by: dev.faultline.RemoteFaultException: [orders] INTERNAL RESERVATION_FAILED:"
                + " Could not reserve stock")
        .contains(
            "Caused by: dev.faultline.RemoteFaultException: [inventory] NOT_FOUND SKU_NOT_FOUND:"
                + " No such SKU: 42")
        .contains("at com.acme.inventory.Stock.reserve(Stock.java:42)");
    assertThat(printed.indexOf("[orders]")).isLessThan(printed.indexOf("[inventory]"));
  }

  @Test
  void letsAFaultExceptionFollowItsFaultsChainUnlessGivenACause() {
    Fault chain = threeHops();
    FaultException thrown = chain.asException();
    assertThat(((FaultException) thrown.getCause()).fault()).isSameAs(chain.cause());

    IllegalStateException original = new IllegalStateException("db");
    assertThat(new FaultException(Fault.of(Code.INTERNAL, "x"), original).getCause())
        .isSameAs(original);
  }

  @Test
  void rendersTheChainAsATreeWithTheTraceIdOnce() {
    String tree = Faults.render(threeHops());

    assertThat(tree)
        .isEqualTo(
            "trace 4bf92f3577b34da6a3ce929d0e0e4736\n"
                + "gateway: INTERNAL \"Order failed\"\n"
                + "└─ orders: INTERNAL RESERVATION_FAILED \"Could not reserve stock\"\n"
                + "   └─ inventory: NOT_FOUND SKU_NOT_FOUND \"No such SKU: 42\"\n");
  }

  @Test
  void rendersAForeignTraceAndATruncatedChain() {
    Fault cut =
        Fault.builder(Code.UNAVAILABLE)
            .service("billing")
            .traceId("0af7651916cd43dd8448eb211c80319c")
            .truncated(true)
            .build();
    Fault top =
        Fault.builder(Code.UNAVAILABLE)
            .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
            .cause(cut)
            .build();

    assertThat(Faults.render(top))
        .contains("└─ billing: UNAVAILABLE")
        .contains("(trace 0af7651916cd43dd8448eb211c80319c)")
        .contains("chain truncated")
        .startsWith("trace 4bf92f3577b34da6a3ce929d0e0e4736\n?: UNAVAILABLE");
  }
}
