package dev.faultline.internal;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports Faultline's own trouble once per kind, through {@link System.Logger}: a boundary that
 * degrades (a failing classifier, a bad setting read at run time) must say so, but not flood logs.
 */
public final class Warnings {
  private static final System.Logger LOG = System.getLogger("dev.faultline");
  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  private Warnings() {}

  /** Logs {@code message} at WARNING the first time {@code key} is reported in this process. */
  public static void once(String key, String message, Throwable error) {
    if (REPORTED.add(key)) {
      LOG.log(Level.WARNING, message, error);
    }
  }

  /** Logs {@code message} at WARNING the first time {@code key} is reported in this process. */
  public static void once(String key, String message) {
    if (REPORTED.add(key)) {
      LOG.log(Level.WARNING, message);
    }
  }
}
