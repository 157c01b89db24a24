package org.moviestream.contract;

import java.util.Locale;

/** Why a message went to the dead-letter topic instead of Cassandra. */
public enum RejectReason {
  MALFORMED_JSON,
  MISSING_FIELD,
  INVALID_RATING,
  RATING_OUT_OF_RANGE,
  /**
   * No timestamp an event time can be: not ISO-8601, before 1970 or after 9999, or not the rating
   * time its record says.
   */
  BAD_TIMESTAMP,
  /**
   * Stamped further ahead of the pipeline's clock than the allowed clock skew
   * (--maxClockSkewSeconds).
   */
  FUTURE_TIMESTAMP,
  UNKNOWN_TITLE,
  /** Cassandra refused the row every time it was tried (a value the table rejects). */
  WRITE_FAILED;

  /** The metrics counter name of this reason, e.g. rejected_unknown_title. */
  public String counterName() {
    return "rejected_" + name().toLowerCase(Locale.ROOT);
  }
}
