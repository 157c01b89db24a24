package org.moviestream.contract;

/** A payload that is not a valid rating message, with the reason a dead letter of it carries. */
public final class InvalidRatingException extends Exception {

  private final RejectReason reason;

  public InvalidRatingException(RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
