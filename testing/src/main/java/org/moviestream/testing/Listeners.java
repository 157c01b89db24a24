package org.moviestream.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP ports a process listens on and the address of each, read from Linux's /proc: what {@code
 * ss -ltnp} shows, for tests that hold every listener of the project to the address it was given.
 */
public final class Listeners {

  /** One listening socket: its address as /proc shows it and its port. */
  public record Listener(String address, int port) {

    /** Whether it takes connections on every address (0.0.0.0 or ::). */
    public boolean everyAddress() {
      return address.equals("0.0.0.0") || address.equals("::");
    }

    @Override
    public String toString() {
      return address + ":" + port;
    }
  }

  private Listeners() {}

  /** The listening sockets of process {@code pid}. */
  public static List<Listener> of(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // the descriptor went while we looked
        }
      }
    }
    List<Listener> listeners = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line :
          Files.readAllLines(Path.of(table))
              .subList(1, Files.readAllLines(Path.of(table)).size())) {
        String[] field = line.trim().split("\\s+");
        // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
        if (field[3].equals("0A") && inodes.contains(field[9])) {
          String[] local = field[1].split(":");
          listeners.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
        }
      }
    }
    return listeners;
  }

  /** /proc's hex address (little-endian words) as text: 0100007F -> 127.0.0.1. */
  static String address(String hex) {
    if (hex.length() == 8) {
      long value = Long.parseLong(hex, 16);
      return (value & 0xff)
          + "."
          + (value >> 8 & 0xff)
          + "."
          + (value >> 16 & 0xff)
          + "."
          + (value >> 24 & 0xff);
    }
    if (hex.equals("00000000000000000000000000000000")) {
      return "::";
    }
    if (hex.startsWith("0000000000000000FFFF0000")) {
      return address(hex.substring(24)); // an IPv4 address on an IPv6 socket
    }
    if (hex.equals("00000000000000000000000001000000")) {
      return "::1";
    }
    return hex; // another IPv6 address: not every address, not loopback
  }
}
