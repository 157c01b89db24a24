package org.moviestream.cli;

import java.util.Arrays;
import java.util.List;

/**
 * A comma-separated list of addresses, as every program takes Kafka's bootstrap servers and
 * Cassandra's contact points: any one that answers is enough to start.
 */
public final class ContactList {

  private ContactList() {}

  /**
   * The entries of {@code commaSeparated}, stripped, blanks left out; throws {@link
   * IllegalArgumentException} when there is none.
   */
  public static List<String> of(String commaSeparated) {
    List<String> list =
        Arrays.stream(commaSeparated.split(","))
            .map(String::strip)
            .filter(entry -> !entry.isEmpty())
            .toList();
    if (list.isEmpty()) {
      throw new IllegalArgumentException("no address in '" + commaSeparated + "'");
    }
    return list;
  }
}
