package org.moviestream.pipeline.run;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A run's checkpoint directory goes when the run ends, on the local file system only. */
public class RunCheckpointTest {

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void aLocalCheckpointDirectoryIsDeletedWithEverythingInIt() throws Exception {
    Path run = temp.newFolder("movie-ratings-run-1").toPath();
    Files.createDirectories(run.resolve("spark-checkpoint/rdd-7"));
    Files.writeString(run.resolve("spark-checkpoint/rdd-7/part-00000"), "state");
    Path sibling = temp.newFolder("movie-ratings-run-2").toPath();

    assertTrue(RunCheckpoint.delete(run.toString()));

    assertFalse(Files.exists(run));
    assertTrue("another run's directory stays", Files.exists(sibling));
  }

  @Test
  public void aFileUriIsLocalToo() throws Exception {
    Path run = temp.newFolder("run").toPath();
    Files.writeString(run.resolve("checkpoint-1"), "meta");

    assertTrue(RunCheckpoint.delete(run.toUri().toString()));
    assertFalse(Files.exists(run));
  }

  @Test
  public void otherFileSystemsAndMissingDirectoriesAreLeftAlone() {
    assertFalse(RunCheckpoint.delete("hdfs://namenode:8020/checkpoints/run"));
    assertFalse(RunCheckpoint.delete(temp.getRoot().toPath().resolve("never-made").toString()));
  }

  @Test
  public void aRunThatEndedWithoutCleaningUpIsRemovedByTheNextAndALiveOneStays() throws Exception {
    Path base = temp.newFolder("runs").toPath();
    Path ended = Files.createDirectories(base.resolve("run-killed-1234abcd"));
    Files.createFile(ended.resolve(".lock"));
    Files.writeString(ended.resolve("metadata"), "the killed run's options");
    Path notARun = Files.createDirectories(base.resolve("someone-elses"));

    String alive = RunCheckpoint.claim(base.toString(), "alive");
    String next = RunCheckpoint.claim(base.toString(), "alive");

    assertFalse("the killed run's directory goes", Files.exists(ended));
    assertTrue("a live run's directory stays", Files.exists(Path.of(alive)));
    assertTrue("what is not a run's stays", Files.exists(notARun));
    assertNotEquals(alive, next);
  }
}
