package dev.faultline.concurrent;

/** How a failure names the thread it happened on. */
final class ThreadNames {
  private ThreadNames() {}

  /**
   * The current thread's name; for an unnamed thread (a virtual thread has no name by default), its
   * id as {@code toString} shows it, such as {@code VirtualThread[#42]}.
   */
  static String current() {
    Thread thread = Thread.currentThread();
    String name = thread.getName();
    if (!name.isEmpty()) {
      return name;
    }
    String text = thread.toString(); // VirtualThread[#42]/runnable@ForkJoinPool-1-worker-3
    int slash = text.indexOf('/');
    return slash > 0 ? text.substring(0, slash) : text;
  }
}
