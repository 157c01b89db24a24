package org.moviestream.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
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
    assertEquals("/nowhere/truststore.p12", settings.truststorePath());
    assertFalse(settings.toString().contains(SECRET), settings.toString());
    assertTrue(settings.toString().contains("as movie_stream"));
    CassandraRefusedException missing =
        assertThrows(CassandraRefusedException.class, () -> settings.sessionBuilder("", ""));
    assertTrue(missing.getMessage().contains("/nowhere/truststore.p12"));
    assertTrue(missing.getMessage().endsWith("does not exist"));
  }

  @Test
  void theFileSitsBetweenTheProgramsRequirementsAndItsDefaults() throws IOException {
    String conf =
        file(
            "datastax-java-driver {\n"
                + "  basic.request.timeout = 20 seconds\n"
                + "  basic.request.page-size = 100\n"
                + "  advanced.throttler.max-queue-size = 10\n"
                + "}\n");
    Config driver =
        CassandraSettings.load("n1", 9042, conf)
            .driverConfig(
                "basic.request.timeout = 30 seconds\nbasic.request.default-idempotence = true",
                "basic.request.page-size = 5000");
    assertEquals(Duration.ofSeconds(20), driver.getDuration("basic.request.timeout"));
    assertEquals(5000, driver.getInt("basic.request.page-size"));
    assertEquals(10, driver.getInt("advanced.throttler.max-queue-size"));
    assertTrue(driver.getBoolean("basic.request.default-idempotence"));
    assertEquals(
        "DcInferringLoadBalancingPolicy", driver.getString("basic.load-balancing-policy.class"));
    // The driver's own reference configuration lies under everything.
    assertEquals("SERIAL", driver.getString("basic.request.serial-consistency"));
    Config open = CassandraSettings.of("n1", 9042).driverConfig("", "");
    assertEquals(Duration.ofSeconds(2), open.getDuration("basic.request.timeout"));
  }

  @Test
  void refusesWhatTheProgramsDecide() throws IOException {
    String points = file("datastax-java-driver.basic.contact-points = [\"a:9042\"]\n");
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class, () -> CassandraSettings.load("n1", 9042, points));
    assertTrue(twice.getMessage().contains("--cassandra-hosts"));
    String keyspace = file("datastax-java-driver.basic.session-keyspace = other\n");
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> CassandraSettings.load("n1", 9042, keyspace))
            .getMessage()
            .contains("--keyspace"));
    assertThrows(
        IllegalArgumentException.class,
        () -> CassandraSettings.load("n1", 9042, dir.resolve("none.conf").toString()));
    assertThrows(
        IllegalArgumentException.class, () -> CassandraSettings.load("n1", 9042, file("{")));
    assertThrows(
        IllegalArgumentException.class,
        () -> CassandraSettings.load("n1", 9042, file("other { a = 1 }")));
  }

  @Test
  void aValueTheDriverCannotUseIsASetupErrorNamingTheFile() throws IOException {
    String conf = file("datastax-java-driver.advanced.connection.connect-timeout = banana\n");
    // Refused while the driver reads its settings, before it connects to anything.
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () -> CassandraConnection.open(CassandraSettings.load("127.0.0.1", 1, conf)));
    assertTrue(
        bad.getMessage().startsWith("bad Cassandra driver setting: " + conf), bad.getMessage());
    assertTrue(bad.getMessage().contains("advanced.connection.connect-timeout"), bad.getMessage());
  }

  @Test
  void noFileIsAnOpenCluster() {
    CassandraSettings settings = CassandraSettings.load("n1", 9042, null);
    assertEquals(CassandraSettings.of("n1", 9042), settings);
    assertNull(settings.username());
    assertEquals("n1 (port 9042)", settings.toString());
  }

  @Test
  void serializedTheyAreTheFilesPathNotItsPasswordAndReadItAgainWhereTheyArrive() throws Exception {
    CassandraSettings settings =
        CassandraSettings.load(
            "127.0.0.1",
            9042,
            file(
                "datastax-java-driver.advanced.auth-provider {\n"
                    + "  class = PlainTextAuthProvider\n"
                    + "  username = movie_stream\n"
                    + "  password = \""
                    + SECRET
                    + "\"\n"
                    + "}\n"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(settings);
      out.writeObject(CassandraSettings.of("127.0.0.2", 9042));
    }
    String written = bytes.toString(StandardCharsets.ISO_8859_1);
    assertFalse(written.contains(SECRET), "the password is in the serialized settings");
    assertTrue(written.contains("application.conf"), "the file's path travels");
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      CassandraSettings arrived = (CassandraSettings) in.readObject();
      assertEquals(settings, arrived);
      assertEquals(SECRET, arrived.password());
      assertEquals(CassandraSettings.of("127.0.0.2", 9042), in.readObject());
    }
  }
}
