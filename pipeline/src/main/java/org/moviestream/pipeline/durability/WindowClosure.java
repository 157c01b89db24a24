package org.moviestream.pipeline.durability;

import java.io.Serializable;

/** What the offset tracking needs of the window definition: when a window is closed for good. */
public interface WindowClosure extends Serializable {

  /**
   * Whether the window ending at {@code windowEndMillis} is closed for good once panes of windows
   * ending up to {@code firedUpToMillis} have fired: no later pane of it can come.
   */
  boolean closedForGood(long windowEndMillis, long firedUpToMillis);

  /** Where the window ending at {@code windowEndMillis} starts. */
  long startOf(long windowEndMillis);
}
