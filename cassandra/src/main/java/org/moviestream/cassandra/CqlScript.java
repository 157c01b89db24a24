package org.moviestream.cassandra;

import java.util.ArrayList;
import java.util.List;

/** Splits a CQL script into its statements: drops comments, keeps semicolons inside quotes. */
public final class CqlScript {

  private CqlScript() {}

  /** Returns the statements of {@code script}, each without its trailing semicolon. */
  public static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      char next = i + 1 < script.length() ? script.charAt(i + 1) : '\0';
      if ((c == '-' && next == '-') || (c == '/' && next == '/')) {
        i = endOfLine(script, i);
      } else if (c == '/' && next == '*') {
        int end = script.indexOf("*/", i + 2);
        i = end < 0 ? script.length() : end + 2;
      } else if (c == '\'' || c == '"') {
        int end = endOfQuoted(script, i, c);
        current.append(script, i, end);
        i = end;
      } else if (c == ';') {
        addIfNotBlank(statements, current);
        current.setLength(0);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    addIfNotBlank(statements, current);
    return statements;
  }

  private static int endOfLine(String script, int from) {
    int end = script.indexOf('\n', from);
    return end < 0 ? script.length() : end;
  }

  /** CQL escapes a quote inside a quoted string by doubling it: 'it''s'. */
  private static int endOfQuoted(String script, int from, char quote) {
    int i = from + 1;
    while (i < script.length()) {
      if (script.charAt(i) == quote) {
        if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw new IllegalArgumentException(
        "unterminated " + quote + "quoted string starting at offset " + from);
  }

  private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
    String text = statement.toString().strip().replaceAll("\\s+", " ");
    if (!text.isEmpty()) {
      statements.add(text);
    }
  }
}
