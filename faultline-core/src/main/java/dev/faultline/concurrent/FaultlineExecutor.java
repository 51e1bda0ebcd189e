package dev.faultline.concurrent;

import java.util.concurrent.Executor;

/** An executor made by {@link FaultlineExecutors}: what it wraps and how it reports. */
interface FaultlineExecutor {
  /** The executor that runs the tasks. */
  Executor delegate();

  /** How this executor reports. */
  ExecutorOptions options();
}
