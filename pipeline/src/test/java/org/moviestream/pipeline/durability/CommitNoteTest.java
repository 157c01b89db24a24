package org.moviestream.pipeline.durability;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class CommitNoteTest {

  @Test
  public void whatIsWrittenBesideAnOffsetIsReadBack() {
    CommitNote note = new CommitNote("Q2xhc3NJZA", "movie-ratings-pipeline-root-1201213500-8f2c");
    assertEquals(note, CommitNote.parse(note.text()));
  }

  @Test
  public void aCommitWithoutANoteHasNeitherPart() {
    assertEquals(new CommitNote(null, null), CommitNote.parse(""));
    assertEquals(new CommitNote(null, null), CommitNote.parse(null));
    assertEquals(new CommitNote("abc", null), CommitNote.parse("topicId=abc"));
  }
}
