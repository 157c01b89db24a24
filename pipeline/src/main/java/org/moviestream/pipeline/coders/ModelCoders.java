package org.moviestream.pipeline.coders;

import static org.moviestream.pipeline.coders.FieldCoders.instant;
import static org.moviestream.pipeline.coders.FieldCoders.integer;
import static org.moviestream.pipeline.coders.FieldCoders.longValue;
import static org.moviestream.pipeline.coders.FieldCoders.nullableDate;
import static org.moviestream.pipeline.coders.FieldCoders.nullableInteger;
import static org.moviestream.pipeline.coders.FieldCoders.nullableString;
import static org.moviestream.pipeline.coders.FieldCoders.string;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.contract.RejectReason;
import org.moviestream.pipeline.model.DeadLetter;
import org.moviestream.pipeline.model.EnrichedRating;
import org.moviestream.pipeline.model.KafkaMessage;
import org.moviestream.pipeline.model.Rating;
import org.moviestream.pipeline.model.SourceOffset;
import org.moviestream.pipeline.model.WindowTally;

/**
 * Field-by-field coders of the records on the hot path. Java serialization (SerializableCoder)
 * spent most of the CPU of a micro-batch writing class descriptors; these write only the values.
 */
public final class ModelCoders {

  private ModelCoders() {}

  /** topic, partition, offset. */
  public static final class SourceOffsetCoder extends AtomicCoder<SourceOffset> {
    public static final SourceOffsetCoder INSTANCE = new SourceOffsetCoder();

    public static SourceOffsetCoder of() {
      return INSTANCE;
    }

    /** For {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(SourceOffset.class), INSTANCE);
    }

    @Override
    public void encode(SourceOffset value, OutputStream out) throws IOException {
      string(value.topic(), out);
      integer(value.partition(), out);
      longValue(value.offset(), out);
    }

    @Override
    public SourceOffset decode(InputStream in) throws IOException {
      return new SourceOffset(string(in), integer(in), longValue(in));
    }
  }

  public static final class KafkaMessageCoder extends AtomicCoder<KafkaMessage> {
    public static final KafkaMessageCoder INSTANCE = new KafkaMessageCoder();

    public static KafkaMessageCoder of() {
      return INSTANCE;
    }

    /** For {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(KafkaMessage.class), INSTANCE);
    }

    @Override
    public void encode(KafkaMessage value, OutputStream out) throws IOException {
      SourceOffsetCoder.INSTANCE.encode(value.source(), out);
      nullableString(value.key(), out);
      nullableString(value.payload(), out);
    }

    @Override
    public KafkaMessage decode(InputStream in) throws IOException {
      return new KafkaMessage(
          SourceOffsetCoder.INSTANCE.decode(in), nullableString(in), nullableString(in));
    }
  }

  public static final class RatingCoder extends AtomicCoder<Rating> {
    public static final RatingCoder INSTANCE = new RatingCoder();

    public static RatingCoder of() {
      return INSTANCE;
    }

    /** For {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(Rating.class), INSTANCE);
    }

    @Override
    public void encode(Rating value, OutputStream out) throws IOException {
      string(value.name(), out);
      string(value.movie(), out);
      integer(value.ratingMovie(), out);
      instant(value.timestamp(), out);
      SourceOffsetCoder.INSTANCE.encode(value.source(), out);
      string(value.payload(), out);
    }

    @Override
    public Rating decode(InputStream in) throws IOException {
      return new Rating(
          string(in),
          string(in),
          integer(in),
          instant(in),
          SourceOffsetCoder.INSTANCE.decode(in),
          string(in));
    }
  }

  public static final class CatalogEntryCoder extends AtomicCoder<CatalogEntry> {
    public static final CatalogEntryCoder INSTANCE = new CatalogEntryCoder();

    public static CatalogEntryCoder of() {
      return INSTANCE;
    }

    /** For {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(CatalogEntry.class), INSTANCE);
    }

    @Override
    public void encode(CatalogEntry value, OutputStream out) throws IOException {
      nullableString(value.showId(), out);
      nullableString(value.type(), out);
      string(value.title(), out);
      nullableString(value.director(), out);
      nullableString(value.country(), out);
      nullableDate(value.dateAdded(), out);
      nullableInteger(value.releaseYear(), out);
      nullableString(value.contentRating(), out);
      nullableInteger(value.durationMinutes(), out);
      nullableInteger(value.seasons(), out);
    }

    @Override
    public CatalogEntry decode(InputStream in) throws IOException {
      return new CatalogEntry(
          nullableString(in),
          nullableString(in),
          string(in),
          nullableString(in),
          nullableString(in),
          nullableDate(in),
          nullableInteger(in),
          nullableString(in),
          nullableInteger(in),
          nullableInteger(in));
    }
  }

  public static final class EnrichedRatingCoder extends AtomicCoder<EnrichedRating> {
    public static final EnrichedRatingCoder INSTANCE = new EnrichedRatingCoder();

    public static EnrichedRatingCoder of() {
      return INSTANCE;
    }

    /** For {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(EnrichedRating.class), INSTANCE);
    }

    @Override
    public void encode(EnrichedRating value, OutputStream out) throws IOException {
      RatingCoder.INSTANCE.encode(value.rating(), out);
      CatalogEntryCoder.INSTANCE.encode(value.catalog(), out);
    }

    @Override
    public EnrichedRating decode(InputStream in) throws IOException {
      return new EnrichedRating(
          RatingCoder.INSTANCE.decode(in), CatalogEntryCoder.INSTANCE.decode(in));
    }
  }

  public static final class DeadLetterCoder extends AtomicCoder<DeadLetter> {
    public static final DeadLetterCoder INSTANCE = new DeadLetterCoder();

    public static DeadLetterCoder of() {
      return INSTANCE;
    }

    /** For {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(DeadLetter.class), INSTANCE);
    }

    @Override
    public void encode(DeadLetter value, OutputStream out) throws IOException {
      string(value.reason().name(), out);
      string(value.detail(), out);
      nullableString(value.payload(), out);
      SourceOffsetCoder.INSTANCE.encode(value.source(), out);
    }

    @Override
    public DeadLetter decode(InputStream in) throws IOException {
      return new DeadLetter(
          RejectReason.valueOf(string(in)),
          string(in),
          nullableString(in),
          SourceOffsetCoder.INSTANCE.decode(in));
    }
  }

  /** ratings, then (title, count) per title, then the last offset per partition. */
  public static final class WindowTallyCoder extends AtomicCoder<WindowTally> {
    public static final WindowTallyCoder INSTANCE = new WindowTallyCoder();

    public static WindowTallyCoder of() {
      return INSTANCE;
    }

    /** For {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(WindowTally.class), INSTANCE);
    }

    @Override
    public void encode(WindowTally value, OutputStream out) throws IOException {
      longValue(value.ratings(), out);
      integer(value.perTitle().size(), out);
      for (var title : value.perTitle().entrySet()) {
        string(title.getKey(), out);
        longValue(title.getValue(), out);
      }
      List<SourceOffset> lastOffsets = value.lastOffsets();
      integer(lastOffsets.size(), out);
      for (SourceOffset offset : lastOffsets) {
        SourceOffsetCoder.INSTANCE.encode(offset, out);
      }
    }

    @Override
    public WindowTally decode(InputStream in) throws IOException {
      long ratings = longValue(in);
      int titles = integer(in);
      Map<String, Long> perTitle = new HashMap<>(titles * 2);
      for (int i = 0; i < titles; i++) {
        perTitle.put(string(in), longValue(in));
      }
      int partitions = integer(in);
      List<SourceOffset> lastOffsets = new ArrayList<>(partitions);
      for (int i = 0; i < partitions; i++) {
        lastOffsets.add(SourceOffsetCoder.INSTANCE.decode(in));
      }
      return WindowTally.of(perTitle, lastOffsets, ratings);
    }
  }
}
