package org.moviestream.cli;

/**
 * What a chain of exceptions says, for a one-line message: clients wrap the reason ("Failed to
 * create new KafkaAdminClient", "Could not reach any contact point") around the cause that names
 * it.
 */
public final class Causes {

  private Causes() {}

  /** The innermost cause of {@code failure} (itself when it has none). */
  public static Throwable root(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /**
   * The first line of the innermost message in {@code failure}'s chain; the class's name when no
   * exception in it has a message.
   */
  public static String rootMessage(Throwable failure) {
    String message = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return message == null
        ? root(failure).getClass().getSimpleName()
        : message.strip().lines().findFirst().orElse("");
  }

  /** The first exception in {@code failure}'s chain that is a {@code kind}, or null. */
  public static <T extends Throwable> T find(Throwable failure, Class<T> kind) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (kind.isInstance(cause)) {
        return kind.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  /** Whether {@code failure} or any exception in its chain is a {@code kind}. */
  public static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
    return find(failure, kind) != null;
  }
}
