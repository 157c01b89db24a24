package org.moviestream.pipeline.cassandraio;

import com.datastax.driver.mapping.annotations.ClusteringColumn;
import com.datastax.driver.mapping.annotations.Column;
import com.datastax.driver.mapping.annotations.PartitionKey;
import com.datastax.driver.mapping.annotations.Table;
import java.io.Serializable;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.moviestream.cassandra.Tables;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.pipeline.ingest.EnrichedRating;
import org.moviestream.pipeline.ingest.Rating;

/**
 * A row of netflix.movie_ratings as CassandraIO writes it: an entity of the DataStax object mapper
 * (the main writer binds its columns by position instead, see WriteRatings).
 */
@Table(name = Tables.MOVIE_RATINGS)
@DefaultCoder(SerializableCoder.class)
public final class MovieRatingEntity implements Serializable {

  @PartitionKey private String name;

  @ClusteringColumn(0)
  private Date timestamp;

  @ClusteringColumn(1)
  private UUID id;

  @Column(name = "show_id")
  private String showId;

  private String movie;

  @Column(name = "rating_movie")
  private int ratingMovie;

  private Integer duration;
  private Integer seasons;

  @Column(name = "release_year")
  private Integer releaseYear;

  private String director;
  private String country;
  private String type;

  @Column(name = "content_rating")
  private String contentRating;

  /** For the mapper. */
  public MovieRatingEntity() {}

  public static MovieRatingEntity of(EnrichedRating enriched) {
    Rating rating = enriched.rating();
    CatalogEntry title = enriched.catalog();
    MovieRatingEntity row = new MovieRatingEntity();
    row.name = rating.name();
    row.timestamp = Date.from(rating.timestamp());
    row.id = rating.source().rowId();
    row.showId = title.showId();
    row.movie = title.title();
    row.ratingMovie = rating.ratingMovie();
    row.duration = title.durationMinutes();
    row.seasons = title.seasons();
    row.releaseYear = title.releaseYear();
    row.director = title.director();
    row.country = title.country();
    row.type = title.type();
    row.contentRating = title.contentRating();
    return row;
  }

  public String getName() {
    return name;
  }

  public void setName(String value) {
    name = value;
  }

  public Date getTimestamp() {
    return timestamp;
  }

  public void setTimestamp(Date value) {
    timestamp = value;
  }

  public UUID getId() {
    return id;
  }

  public void setId(UUID value) {
    id = value;
  }

  public String getShowId() {
    return showId;
  }

  public void setShowId(String value) {
    showId = value;
  }

  public String getMovie() {
    return movie;
  }

  public void setMovie(String value) {
    movie = value;
  }

  public int getRatingMovie() {
    return ratingMovie;
  }

  public void setRatingMovie(int value) {
    ratingMovie = value;
  }

  public Integer getDuration() {
    return duration;
  }

  public void setDuration(Integer value) {
    duration = value;
  }

  public Integer getSeasons() {
    return seasons;
  }

  public void setSeasons(Integer value) {
    seasons = value;
  }

  public Integer getReleaseYear() {
    return releaseYear;
  }

  public void setReleaseYear(Integer value) {
    releaseYear = value;
  }

  public String getDirector() {
    return director;
  }

  public void setDirector(String value) {
    director = value;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String value) {
    country = value;
  }

  public String getType() {
    return type;
  }

  public void setType(String value) {
    type = value;
  }

  public String getContentRating() {
    return contentRating;
  }

  public void setContentRating(String value) {
    contentRating = value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MovieRatingEntity that
        && Objects.equals(name, that.name)
        && Objects.equals(timestamp, that.timestamp)
        && Objects.equals(id, that.id)
        && Objects.equals(showId, that.showId)
        && Objects.equals(movie, that.movie)
        && Objects.equals(ratingMovie, that.ratingMovie)
        && Objects.equals(duration, that.duration)
        && Objects.equals(seasons, that.seasons)
        && Objects.equals(releaseYear, that.releaseYear)
        && Objects.equals(director, that.director)
        && Objects.equals(country, that.country)
        && Objects.equals(type, that.type)
        && Objects.equals(contentRating, that.contentRating);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name,
        timestamp,
        id,
        showId,
        movie,
        ratingMovie,
        duration,
        seasons,
        releaseYear,
        director,
        country,
        type,
        contentRating);
  }
}
