package org.moviestream.pipeline.ingest;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;
import org.moviestream.contract.Excerpt;
import org.moviestream.contract.InvalidRatingException;
import org.moviestream.contract.RatingMessage;
import org.moviestream.contract.RejectReason;
import org.moviestream.pipeline.failures.DeadLetter;
import org.moviestream.pipeline.failures.Outcome;
import org.moviestream.pipeline.metrics.PipelineMetrics;

/**
 * {@link KafkaMessage}s stamped with their event time -> outcomes: a valid {@link Rating}, or a
 * {@link DeadLetter} saying why not. A rating stamped further ahead of the clock than {@code
 * maxClockSkew} is a {@code FUTURE_TIMESTAMP}: its window would hold every commit behind it until
 * its time came.
 */
public final class ParseRatings
    extends PTransform<PCollection<KafkaMessage>, PCollection<Outcome<Rating>>> {

  private final ZoneId inputZone;
  private final Duration maxClockSkew;

  public ParseRatings(ZoneId inputZone, Duration maxClockSkew) {
    this.inputZone = inputZone;
    this.maxClockSkew = maxClockSkew;
  }

  @Override
  public PCollection<Outcome<Rating>> expand(PCollection<KafkaMessage> messages) {
    return messages.apply("ParseJson", ParDo.of(new ParseRatingFn(inputZone, maxClockSkew)));
  }

  /** Parses one message; a bad one becomes a dead letter with its reason, never an exception. */
  static final class ParseRatingFn extends DoFn<KafkaMessage, Outcome<Rating>> {
    private final ZoneId inputZone;
    private final Duration maxClockSkew;
    private final Counter parsed = PipelineMetrics.counter(PipelineMetrics.PARSED);
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);

    ParseRatingFn(ZoneId inputZone, Duration maxClockSkew) {
      this.inputZone = inputZone;
      this.maxClockSkew = maxClockSkew;
      for (RejectReason reason : RejectReason.values()) {
        rejected.put(reason, PipelineMetrics.counter(reason.counterName()));
      }
    }

    @ProcessElement
    public void processElement(
        @Element KafkaMessage message,
        @Timestamp Instant eventTime,
        OutputReceiver<Outcome<Rating>> out) {
      try {
        RatingMessage rating = RatingMessage.parse(message.payload(), inputZone);
        RatingMessage.requireNotAhead(rating.timestamp(), java.time.Instant.now(), maxClockSkew);
        requireEventTime(rating, eventTime);
        out.output(Outcome.of(Rating.of(rating, message)));
        parsed.inc();
      } catch (InvalidRatingException e) {
        rejected.get(e.reason()).inc();
        out.output(
            Outcome.rejected(
                new DeadLetter(e.reason(), e.getMessage(), message.payload(), message.source())));
      }
    }

    /**
     * The row lands in the window of the payload's timestamp, the aggregates in that of the event
     * time ReadRatings gave the element (the record's timestamp when a header says it is the
     * rating's): the two must agree, or the window row would never count the rating.
     */
    private static void requireEventTime(RatingMessage rating, Instant eventTime)
        throws InvalidRatingException {
      if (rating.timestamp().toEpochMilli() != eventTime.getMillis()) {
        throw new InvalidRatingException(
            RejectReason.BAD_TIMESTAMP,
            "the record says the rating was made at "
                + Excerpt.quote(eventTime.toString())
                + " but its payload says "
                + rating.timestamp());
      }
    }
  }
}
