package org.moviestream.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraSettingsTest {

  private static final String SECRET = "n0t-Sh0wn";

  @TempDir Path dir;

  private String file(String text) throws IOException {
    Path path = dir.resolve("application.conf");
    Files.writeString(path, text);
    return path.toString();
  }

  @Test
  void readsTheDriversOwnKeys() throws IOException {
    String conf =
        file(
            "datastax-java-driver {\n"
                + "  basic.load-balancing-policy.local-datacenter = dc1\n"
                + "  basic.request.timeout = 20 seconds\n"
                + "  advanced.auth-provider {\n"
                + "    class = PlainTextAuthProvider\n"
                + "    username = movie_stream\n"
                + "    password = \""
                + SECRET
                + "\"\n"
                + "  }\n"
                + "  advanced.ssl-engine-factory {\n"
                + "    class = DefaultSslEngineFactory\n"
                + "    truststore-path = /nowhere/truststore.p12\n"
                + "    truststore-password = changeit\n"
                + "    hostname-validation = false\n"
                + "  }\n"
                + "}\n");
    CassandraSettings settings = CassandraSettings.load("127.0.0.1, 127.0.0.2", 9142, conf);
    assertEquals(List.of("127.0.0.1", "127.0.0.2"), settings.hosts());
    assertEquals(9142, settings.port());
    assertEquals("movie_stream", settings.username());
    assertEquals(SECRET, settings.password());
    assertEquals("dc1", settings.localDatacenter());
    assertEquals(Duration.ofSeconds(20), settings.requestTimeout());
    assertFalse(settings.hostnameValidation());
    assertFalse(settings.toString().contains(SECRET), settings.toString());
    assertTrue(settings.toString().contains("as movie_stream"));
    CassandraRefusedException missing =
        assertThrows(
            CassandraRefusedException.class,
            () -> settings.clusterBuilder(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    assertTrue(missing.getMessage().contains("/nowhere/truststore.p12"));
    assertTrue(missing.getMessage().endsWith("does not exist"));
  }

  @Test
  void refusesWhatItWouldNotApply() throws IOException {
    String other = file("datastax-java-driver.advanced.throttler.max-queue-size = 10\n");
    IllegalArgumentException unsupported =
        assertThrows(
            IllegalArgumentException.class, () -> CassandraSettings.load("n1", 9042, other));
    assertTrue(unsupported.getMessage().contains("advanced.throttler.max-queue-size"));
    String points = file("datastax-java-driver.basic.contact-points = [\"a:9042\"]\n");
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class, () -> CassandraSettings.load("n1", 9042, points));
    assertTrue(twice.getMessage().contains("--cassandra-hosts"));
    String kerberos =
        file("datastax-java-driver.advanced.auth-provider.class = DseGssApiAuthProvider\n");
    assertThrows(
        IllegalArgumentException.class, () -> CassandraSettings.load("n1", 9042, kerberos));
    assertThrows(
        IllegalArgumentException.class,
        () -> CassandraSettings.load("n1", 9042, dir.resolve("none.conf").toString()));
    assertThrows(
        IllegalArgumentException.class, () -> CassandraSettings.load("n1", 9042, file("{")));
  }

  @Test
  void noFileIsAnOpenCluster() {
    CassandraSettings settings = CassandraSettings.load("n1", 9042, null);
    assertEquals(CassandraSettings.of("n1", 9042), settings);
    assertNull(settings.username());
    assertEquals("n1 (port 9042)", settings.toString());
  }
}
