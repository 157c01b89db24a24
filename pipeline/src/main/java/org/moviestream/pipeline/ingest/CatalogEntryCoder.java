package org.moviestream.pipeline.ingest;

import static org.moviestream.pipeline.coders.FieldCoders.nullableDate;
import static org.moviestream.pipeline.coders.FieldCoders.nullableInteger;
import static org.moviestream.pipeline.coders.FieldCoders.nullableString;
import static org.moviestream.pipeline.coders.FieldCoders.string;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.moviestream.catalog.CatalogEntry;

public final class CatalogEntryCoder extends AtomicCoder<CatalogEntry> {
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
