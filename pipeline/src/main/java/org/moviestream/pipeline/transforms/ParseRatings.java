package org.moviestream.pipeline.transforms;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.moviestream.contract.InvalidRatingException;
import org.moviestream.contract.RatingMessage;
import org.moviestream.contract.RejectReason;
import org.moviestream.pipeline.metrics.PipelineMetrics;
import org.moviestream.pipeline.model.DeadLetter;
import org.moviestream.pipeline.model.KafkaMessage;
import org.moviestream.pipeline.model.Outcome;
import org.moviestream.pipeline.model.Rating;

/** {@link KafkaMessage}s -> outcomes: a valid {@link Rating}, or a {@link DeadLetter} saying why not. */
public final class ParseRatings extends PTransform<PCollection<KafkaMessage>, PCollection<Outcome<Rating>>> {

  private final ZoneId inputZone;

  public ParseRatings(ZoneId inputZone) {
    this.inputZone = inputZone;
  }

  @Override
  public PCollection<Outcome<Rating>> expand(PCollection<KafkaMessage> messages) {
    return messages.apply("ParseJson", ParDo.of(new ParseRatingFn(inputZone)));
  }

  /** Parses one message; a bad one becomes a dead letter with its reason, never an exception. */
  static final class ParseRatingFn extends DoFn<KafkaMessage, Outcome<Rating>> {
    private final ZoneId inputZone;
    private final Counter parsed = PipelineMetrics.counter(PipelineMetrics.PARSED);
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);

    ParseRatingFn(ZoneId inputZone) {
      this.inputZone = inputZone;
      for (RejectReason reason : RejectReason.values()) {
        rejected.put(reason, PipelineMetrics.counter(reason.counterName()));
      }
    }

    @ProcessElement
    public void processElement(@Element KafkaMessage message, OutputReceiver<Outcome<Rating>> out) {
      try {
        out.output(Outcome.of(Rating.of(RatingMessage.parse(message.payload(), inputZone), message)));
        parsed.inc();
      } catch (InvalidRatingException e) {
        rejected.get(e.reason()).inc();
        out.output(Outcome.rejected(new DeadLetter(e.reason(), e.getMessage(), message.payload(), message.source())));
      }
    }
  }
}
