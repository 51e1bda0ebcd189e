package dev.faultline.journal;

import java.util.Locale;

/** How a reported fault came to light: the boundary or failure mode that reported it. */
public enum FaultKind {
  /** An exception reached the top of a thread and nobody caught it. */
  UNCAUGHT,
  /** A task or future failed and nobody asked for its outcome. */
  UNOBSERVED,
  /** A task failed after its caller had stopped waiting for it (a timed-out wait). */
  LATE,
  /** An executor refused a task. */
  REJECTED,
  /** A periodic task failed, so its executor will never run it again. */
  PERIODIC,
  /** A task of a {@code TaskScope} or a decorated executor failed. */
  TASK,
  /** A server boundary answered a request with a fault. */
  SERVER,
  /** A client received a fault from a peer. */
  CLIENT,
  /** A message was sent to a dead-letter destination. */
  DEAD_LETTER;

  private final String wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The name in the journal's wire format: {@code "uncaught"}, …, {@code "dead-letter"}. */
  public String wireName() {
    return wireName;
  }
}
