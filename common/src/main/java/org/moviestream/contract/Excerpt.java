package org.moviestream.contract;

/**
 * Bounded quotes of what a message carried: a detail or a log line names the odd value without
 * repeating a payload that may be megabytes long.
 */
public final class Excerpt {

  /** The longest piece of a value quoted in a detail. */
  public static final int MAX_CHARS = 80;

  private Excerpt() {}

  /** {@code 'value'}, or its first {@link #MAX_CHARS} characters and how long it was. */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    return "'"
        + prefix(value, MAX_CHARS)
        + (value.length() > MAX_CHARS ? "...' (" + value.length() + " characters)" : "'");
  }

  /** At most {@code chars} characters of {@code value}, never half of a surrogate pair. */
  public static String prefix(String value, int chars) {
    if (value.length() <= chars) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(chars - 1)) ? chars - 1 : chars;
    return value.substring(0, end);
  }
}
