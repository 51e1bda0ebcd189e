package dev.faultline.demo;

/**
 * Ties a demo service to the driver that started it: when the driver's process is gone (even killed
 * with SIGKILL, so that its shutdown hook never ran), the service exits too. Not something a real
 * service needs; it keeps the demo from leaving processes behind.
 */
final class Lifeline {
  private Lifeline() {}

  /** Exits this JVM once its parent process has exited. */
  static void exitWithParent() {
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(3)));
  }

  /** Announces that the service is ready; the driver waits for this line in the service's log. */
  static void ready(String service, String detail) {
    System.out.println("READY " + service + " " + detail);
    System.out.flush();
  }
}
