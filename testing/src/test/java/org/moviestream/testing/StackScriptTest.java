package org.moviestream.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/stack refuses a stack size that only looks redundant, before it starts anything. */
class StackScriptTest {

  private static final Path ROOT = Project.root();

  @TempDir Path state;

  @Test
  void twoNodesAreRefusedSinceTheySurviveNoNodeLoss() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(ROOT.resolve("bin/stack").toString(), "start", "--nodes", "2")
            .redirectErrorStream(true);
    builder.environment().put("MOVIE_STREAM_STACK_DIR", state.toString());
    Process stack = builder.start();
    stack.getOutputStream().close();
    assertTrue(stack.waitFor(30, TimeUnit.SECONDS));
    String said = new String(stack.getInputStream().readAllBytes()).strip();
    // MOVIE_STREAM_STACK_DIR is this test's own folder: nothing of a real stack is touched.
    assertEquals(1, stack.exitValue(), said);
    assertEquals(1, said.lines().count(), said);
    assertTrue(said.contains("--nodes 2 survives no node loss"), said);
    assertTrue(Files.notExists(state.resolve("nodes")), "no size recorded");
  }
}
