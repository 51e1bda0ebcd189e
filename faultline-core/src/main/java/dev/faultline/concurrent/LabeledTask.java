package dev.faultline.concurrent;

/**
 * A task that names itself in the fault journal. A task given to a wrapped executor is labelled
 * with its class name unless it implements this interface.
 *
 * <pre>{@code
 * final class Reindex implements Runnable, LabeledTask {
 *   public void run() { ... }
 *   public String taskLabel() { return "reindex:" + shard; }
 * }
 * }</pre>
 */
public interface LabeledTask {
  /** The label of the task in the journal's {@code task} member: short, stable, no secrets. */
  String taskLabel();
}
