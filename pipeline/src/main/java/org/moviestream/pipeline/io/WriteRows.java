package org.moviestream.pipeline.io;

import java.io.Serializable;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.moviestream.pipeline.metrics.PipelineMetrics;

/**
 * Elements -> mapped entity rows -> Cassandra (see {@link CassandraTarget.CassandraWriter}). Rows are upserts by primary key,
 * so writing the same element twice (a replay, a retried batch) leaves one row.
 */
public final class WriteRows<InputT, RowT extends Serializable> extends PTransform<PCollection<InputT>, PDone> {

  private final Class<RowT> entity;
  private final SerializableFunction<InputT, RowT> toRow;
  private final String counterName;
  private final CassandraTarget target;

  private WriteRows(Class<RowT> entity, SerializableFunction<InputT, RowT> toRow, String counterName, CassandraTarget target) {
    this.entity = entity;
    this.toRow = toRow;
    this.counterName = counterName;
    this.target = target;
  }

  /** Writes each element as the {@code entity} row that {@code toRow} makes, counting them in {@code counterName}. */
  public static <InputT, RowT extends Serializable> WriteRows<InputT, RowT> of(
      Class<RowT> entity, SerializableFunction<InputT, RowT> toRow, String counterName, CassandraTarget target) {
    return new WriteRows<>(entity, toRow, counterName, target);
  }

  @Override
  public PDone expand(PCollection<InputT> input) {
    PCollection<RowT> rows = input
        .apply("ToRow", ParDo.of(new ToRowFn<>(toRow, counterName)))
        .setCoder(SerializableCoder.of(entity));
    if (target.writer() == CassandraTarget.CassandraWriter.CASSANDRA_IO) {
      rows.apply("CassandraIOWrite", target.cassandraIoWrite(entity));
    } else {
      rows.apply("SessionWrite", ParDo.of(new SessionWriteFn<>(target, entity, target.maxInFlight())));
    }
    return PDone.in(input.getPipeline());
  }

  static final class ToRowFn<InputT, RowT> extends DoFn<InputT, RowT> {
    private final SerializableFunction<InputT, RowT> toRow;
    private final Counter written;

    ToRowFn(SerializableFunction<InputT, RowT> toRow, String counterName) {
      this.toRow = toRow;
      this.written = PipelineMetrics.counter(counterName);
    }

    @ProcessElement
    public void processElement(@Element InputT element, OutputReceiver<RowT> out) {
      written.inc();
      out.output(toRow.apply(element));
    }
  }
}
