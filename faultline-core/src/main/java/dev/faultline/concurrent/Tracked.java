package dev.faultline.concurrent;

import dev.faultline.context.CallContext;
import org.jspecify.annotations.Nullable;

/** A task made by a wrapped executor: what a report about it needs when the pool drops it. */
interface Tracked {
  /** The submitter's context, or null for the root context. */
  @Nullable CallContext context();

  /** The task's label in the journal. */
  String label();

  /** How the executor that made the task reports. */
  ExecutorOptions options();
}
