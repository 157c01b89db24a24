package org.moviestream.cli;

import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What {@code --version} prints, the same way for every program: its name and build (the jar's
 * Implementation-Title and -Version) and the Java it runs on.
 */
public final class Version {

  private Version() {}

  /** The version line of the program whose main class is {@code program}. */
  public static String of(Class<?> program) {
    Package jar = program.getPackage();
    String title = jar == null ? null : jar.getImplementationTitle();
    String version = jar == null ? null : jar.getImplementationVersion();
    return (title == null ? program.getSimpleName() : title)
        + " "
        + (version == null ? "(not run from its jar)" : version)
        + " on Java "
        + Runtime.version();
  }

  /**
   * For picocli's {@code mixinStandardHelpOptions}: the command's own version line (a class of its
   * own, so that the pipeline, which has no picocli, can use {@link #of}).
   */
  public static final class Provider implements IVersionProvider {

    @Spec CommandSpec spec;

    @Override
    public String[] getVersion() {
      return new String[] {of(spec.userObject().getClass())};
    }
  }
}
