package org.moviestream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class VersionTest {

  @Command(name = "tool", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class)
  static final class Tool implements Runnable {
    @Override
    public void run() {}
  }

  @Test
  void aProgramOutsideItsJarSaysSoAndNamesItsJava() {
    assertEquals(
        "VersionTest (not run from its jar) on Java " + Runtime.version(),
        Version.of(VersionTest.class));
  }

  @Test
  void picocliToolsPrintTheirOwnLineForVersion() {
    java.io.StringWriter out = new java.io.StringWriter();
    CommandLine tool = new CommandLine(new Tool()).setOut(new java.io.PrintWriter(out));

    assertEquals(0, tool.execute("--version"));
    assertTrue(out.toString().startsWith("Tool (not run from its jar) on Java "), out.toString());
  }
}
