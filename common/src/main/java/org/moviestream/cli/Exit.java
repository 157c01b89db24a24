package org.moviestream.cli;

/**
 * The one exit-code rule of every program: 0 done (or stopped on request), 1 it failed (a service,
 * the job), 2 bad usage or setup (a bad flag, a missing topic or table): an {@link
 * IllegalArgumentException}. Errors are one line, prefixed with the program's name ({@link Cli}
 * does both for the picocli tools).
 */
public final class Exit {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private Exit() {}

  /** The exit code for {@code error}: {@link #USAGE} for bad input, {@link #FAILED} otherwise. */
  public static int codeFor(Throwable error) {
    return error instanceof IllegalArgumentException ? USAGE : FAILED;
  }
}
