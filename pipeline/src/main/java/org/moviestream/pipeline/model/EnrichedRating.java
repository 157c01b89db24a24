package org.moviestream.pipeline.model;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.pipeline.coders.ModelCoders;

/** A rating joined with its title's catalog entry. */
@DefaultCoder(ModelCoders.EnrichedRatingCoder.class)
public record EnrichedRating(Rating rating, CatalogEntry title) implements Serializable {}
