package org.moviestream.catalog;

import java.io.Serializable;

/** A catalog row that could not be read, with its line number and the reason. */
public record RejectedRow(long line, String reason) implements Serializable {

  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}
