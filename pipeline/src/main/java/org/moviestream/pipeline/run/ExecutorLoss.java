package org.moviestream.pipeline.run;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

/**
 * Ends the job when Spark loses an executor (a worker died, its machine went away): the SparkRunner
 * would compute the lost batches again through its per-executor cache of source readers, which
 * hands the recomputation the live reader instead of one at the lost batch's positions; records are
 * then read by two tasks at once, some get another record's timestamp and some are skipped
 * (SparkWorkerLossIT saw valid ratings dead-lettered as BAD_TIMESTAMP and two partitions whose
 * commits never moved again). Ending at once leaves the committed offsets where everything before
 * them is durable, and a restart resumes there: nothing lost, nothing doubled.
 *
 * <p>Spark creates the listener (spark.extraListeners, set by {@code configureSpark}); whoever
 * watches the job says what to do on a loss with {@link #onLoss}.
 */
public final class ExecutorLoss extends SparkListener {

  private static final AtomicReference<String> LOST = new AtomicReference<>();
  private static volatile Consumer<String> handler = why -> {};

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    String why =
        "Spark lost executor "
            + removed.executorId()
            + " ("
            + removed.reason()
            + "): the SparkRunner cannot read a lost batch again exactly, so the job ends here;"
            + " start it again and it resumes at the committed offsets";
    if (LOST.compareAndSet(null, why)) {
      handler.accept(why);
    }
  }

  /** Calls {@code then} with one line on the first loss (at once if one happened already). */
  static void onLoss(Consumer<String> then) {
    handler = then;
    String lost = LOST.get();
    if (lost != null) {
      then.accept(lost);
    }
  }
}
