package org.moviestream.pipeline.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import org.junit.Test;

public class SourceOffsetTest {

  @Test
  public void theRowIdIsTheSameForTheSameOffsetAndDiffersOtherwise() {
    SourceOffset offset = new SourceOffset("movies_ratings", 2, 41);
    assertEquals(offset.rowId(), new SourceOffset("movies_ratings", 2, 41).rowId());
    assertNotEquals(offset.rowId(), new SourceOffset("movies_ratings", 2, 42).rowId());
    assertNotEquals(offset.rowId(), new SourceOffset("movies_ratings", 1, 41).rowId());
    assertNotEquals(offset.rowId(), new SourceOffset("other", 2, 41).rowId());
    assertEquals(3, offset.rowId().version());
  }
}
