package dev.faultline.journal;

import dev.faultline.Code;
import dev.faultline.Fault;

/**
 * The child process of {@link GlobalJournalTest}: reports one fault to the global journal and
 * returns from {@code main} at once, leaving the record to the shutdown hook.
 */
final class ReportAndExit {
  private ReportAndExit() {}

  public static void main(String[] args) {
    Fault fault = Fault.builder(Code.DATA_LOSS).service("child").message(args[0]).build();
    FaultJournal.global().report(FaultKind.UNCAUGHT, fault, null, "exit");
  }
}
