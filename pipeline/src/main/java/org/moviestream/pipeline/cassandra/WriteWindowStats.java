package org.moviestream.pipeline.cassandra;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.moviestream.pipeline.durability.Counted;
import org.moviestream.pipeline.metrics.PipelineMetrics;
import org.moviestream.pipeline.windows.WindowPane;

/**
 * Window panes -> the person's window in netflix.ratings_per_window, its figures computed by
 * Cassandra from the person's rows in that window ({@link WindowRecount}); outputs each pane once
 * its window row is written.
 */
public final class WriteWindowStats
    extends PTransform<PCollection<Counted<WindowPane>>, PCollection<Counted<WindowPane>>> {

  private final CassandraTarget target;

  public WriteWindowStats(CassandraTarget target) {
    this.target = target;
  }

  @Override
  public PCollection<Counted<WindowPane>> expand(PCollection<Counted<WindowPane>> panes) {
    return panes.apply("ComputeAndWrite", ParDo.of(new WriteWindowFn(target)));
  }

  static final class WriteWindowFn extends DoFn<Counted<WindowPane>, Counted<WindowPane>> {
    private final WindowRecount recount;
    private final Counter written = PipelineMetrics.counter(PipelineMetrics.WINDOWS_WRITTEN);

    WriteWindowFn(CassandraTarget target) {
      this.recount = new WindowRecount(target);
    }

    @ProcessElement
    public void processElement(
        @Element Counted<WindowPane> durable, OutputReceiver<Counted<WindowPane>> out)
        throws Exception {
      WindowPane pane = durable.aggregate();
      if (recount.recount(pane.name(), pane.windowStart(), pane.windowEnd())) {
        written.inc();
      }
      out.output(durable);
    }
  }
}
