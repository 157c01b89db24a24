package org.moviestream.pipeline.cassandra;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.moviestream.pipeline.metrics.PipelineMetrics;
import org.moviestream.pipeline.windows.WindowPane;

/**
 * Window panes -> the person's window in netflix.ratings_per_window, its figures computed by
 * Cassandra from the person's rows in that window ({@link WindowRecount}); outputs each pane once
 * its window row is written.
 */
public final class WriteWindowStats
    extends PTransform<PCollection<WindowPane>, PCollection<WindowPane>> {

  private final CassandraTarget target;

  public WriteWindowStats(CassandraTarget target) {
    this.target = target;
  }

  @Override
  public PCollection<WindowPane> expand(PCollection<WindowPane> panes) {
    return panes.apply("ComputeAndWrite", ParDo.of(new WriteWindowFn(target)));
  }

  static final class WriteWindowFn extends DoFn<WindowPane, WindowPane> {
    private final WindowRecount recount;
    private final Counter written = PipelineMetrics.counter(PipelineMetrics.WINDOWS_WRITTEN);

    WriteWindowFn(CassandraTarget target) {
      this.recount = new WindowRecount(target);
    }

    @ProcessElement
    public void processElement(@Element WindowPane pane, OutputReceiver<WindowPane> out)
        throws Exception {
      if (recount.recount(pane.name(), pane.windowStart(), pane.windowEnd())) {
        written.inc();
      }
      out.output(pane);
    }
  }
}
