package org.moviestream.pipeline.durability;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class CommitNoteTest {

  @Test
  public void whatIsWrittenBesideAnOffsetIsReadBack() {
    CommitNote note =
        CommitNote.of(
            "Q2xhc3NJZA",
            new Committer(
                "movie-ratings-pipeline-root-1201213500-8f2c", "netflix@127.0.0.1,127.0.0.2:9042"));
    assertEquals(note, CommitNote.parse(note.text()));
  }

  @Test
  public void aCommitWithoutANoteOrOfAnOlderBuildHasNullParts() {
    assertEquals(new CommitNote(null, null, null), CommitNote.parse(""));
    assertEquals(new CommitNote(null, null, null), CommitNote.parse(null));
    assertEquals(new CommitNote("abc", null, null), CommitNote.parse("topicId=abc"));
    assertEquals(new CommitNote("abc", "j1", null), CommitNote.parse("topicId=abc job=j1"));
  }
}
