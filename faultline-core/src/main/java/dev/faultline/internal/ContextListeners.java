package dev.faultline.internal;

import dev.faultline.context.CallContext;
import dev.faultline.context.ContextListener;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The {@link ContextListener}s registered with {@link ServiceLoader}, loaded once. With none
 * registered a change costs one array length check. A listener that throws is skipped for that
 * change and reported once.
 */
final class ContextListeners {
  private static final int MAX_PROVIDERS = 64;
  private static final ContextListener[] ALL = load();

  private ContextListeners() {}

  /** Tells every listener that {@code current} is now the context of this thread. */
  static void changed(CallContext current) {
    ContextListener[] all = ALL;
    if (all.length != 0) {
      notifyAll(all, current);
    }
  }

  private static void notifyAll(ContextListener[] all, CallContext current) {
    for (ContextListener listener : all) {
      try {
        listener.contextChanged(current);
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        Warnings.once(
            "context-listener:" + listener.getClass().getName(),
            "Faultline skipped the ContextListener " + listener.getClass().getName(),
            e);
      }
    }
  }

  private static ContextListener[] load() {
    List<ContextListener> found = new ArrayList<>();
    try {
      Iterator<ContextListener> it =
          ServiceLoader.load(ContextListener.class, ContextListener.class.getClassLoader())
              .iterator();
      for (int attempts = 0; attempts < MAX_PROVIDERS; attempts++) {
        try {
          if (!it.hasNext()) {
            break;
          }
          found.add(it.next());
        } catch (ServiceConfigurationError e) {
          Warnings.once("context-listener:spi", "Faultline skipped a ContextListener", e);
        }
      }
    } catch (RuntimeException | ServiceConfigurationError e) {
      Warnings.once("context-listener:spi", "Faultline could not load ContextListeners", e);
    }
    return found.toArray(new ContextListener[0]);
  }
}
