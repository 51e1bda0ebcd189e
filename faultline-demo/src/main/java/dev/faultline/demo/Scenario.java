package dev.faultline.demo;

import dev.faultline.Code;
import dev.faultline.Faults;
import java.util.List;
import java.util.function.Predicate;

/**
 * The scripted requests: what each sends to the gateway, the failures it injects, and where each
 * injected failure must show up in the fault journals (matched by the request's trace id).
 */
final class Scenario {
  private Scenario() {}

  /** A failure the request injects, and the journal record that reports it. */
  record Expected(String what, String journal, String kind, Predicate<Journals.Entry> test) {
    boolean matches(Journals.Entry e) {
      return e.journal().equals(journal) && e.kind().equals(kind) && test.test(e);
    }
  }

  /** One request of the scenario. */
  record Step(String title, String method, String path, String story, List<Expected> injected) {}

  /** The six steps; {@code deadLetters} confirms that the dead letter is really in the topic. */
  static List<Step> steps(DeadLetterTopic deadLetters) {
    return List.of(
        new Step(
            "a success",
            "POST",
            "/orders?item=apple",
            "gateway -> orders (gRPC) -> inventory (Python) and Kafka -> billing; nothing fails",
            List.of()),
        new Step(
            "an unknown item",
            "POST",
            "/orders?item=unicorn",
            "inventory answers 404 {\"detail\": ...} (FastAPI style); orders translates NOT_FOUND"
                + " to INTERNAL (HopPolicy), the PUBLIC gateway shows no internals",
            List.of(
                new Expected(
                    "inventory's NOT_FOUND, under orders' INTERNAL",
                    "gateway",
                    "server",
                    e -> e.chainHas(Code.NOT_FOUND) && e.fault().code() == Code.INTERNAL))),
        new Step(
            "a slow inventory runs out the deadline",
            "POST",
            "/orders?item=grandfather-clock",
            "inventory takes 4 s; the gateway gives each request "
                + Gateway.DEADLINE.toMillis()
                + " ms and the budget crosses every hop",
            List.of(
                new Expected(
                    "DEADLINE_EXCEEDED at the gateway, orders' call to inventory named",
                    "gateway",
                    "server",
                    e ->
                        e.fault().code() == Code.DEADLINE_EXCEEDED
                            && Faults.hasReason(e.fault().asException(), "INVENTORY_TIMEOUT")))),
        new Step(
            "a crash in a pool that nobody awaited",
            "POST",
            "/orders?item=gift-card",
            "the order succeeds; the loyalty-points task orders fires and forgets throws",
            List.of(
                new Expected(
                    "the loyalty task's IllegalStateException, with the request's trace",
                    "orders",
                    "uncaught",
                    e ->
                        "award-points".equals(e.task())
                            && String.valueOf(e.exception()).endsWith("IllegalStateException")))),
        new Step(
            "a malformed order event",
            "POST",
            "/orders?item=mystery-box",
            "inventory's price is \"ask at the till\"; orders publishes it, billing cannot read"
                + " the event and dead-letters it",
            List.of(
                new Expected(
                    "the unreadable event, dead-lettered to " + DeadLetterTopic.NAME,
                    "billing",
                    "dead-letter",
                    e ->
                        e.fault().code() == Code.INVALID_ARGUMENT
                            && deadLetters.find(String.valueOf(e.traceId())) != null))),
        new Step(
            "a fan-out with three failures",
            "GET",
            "/quote?items=apple,unicorn,pear,dragon,mystery-box",
            "orders prices five items in a TaskScope; three fail, each kept with its task",
            List.of(
                task("price#1", "unicorn: NOT_FOUND from inventory", Code.NOT_FOUND),
                task("price#3", "dragon: NOT_FOUND from inventory", Code.NOT_FOUND),
                task("price#4", "mystery-box: a price that is not a number", Code.INTERNAL))));
  }

  private static Expected task(String task, String what, Code code) {
    return new Expected(
        what, "orders", "task", e -> task.equals(e.task()) && e.fault().code() == code);
  }
}
