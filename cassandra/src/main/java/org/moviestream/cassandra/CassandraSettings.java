package org.moviestream.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.internal.core.config.typesafe.DefaultDriverConfigLoader;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import java.io.File;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.moviestream.cli.ContactList;
import org.moviestream.cli.Flags;

/**
 * Where the Cassandra nodes are and how to talk to them: contact points and port from the flags,
 * everything else from the Apache Cassandra Java driver's own configuration file ({@code
 * application.conf}: login, TLS, local datacenter, timeouts, throttling, anything the driver
 * reads). The file's {@code datastax-java-driver} block is kept as text; serialized (the pipeline's
 * transforms carry these settings to every executor, and Spark checkpoints them), the settings are
 * the contact points and the file's path, never its contents: the file is read again where they
 * arrive, and must be at the same path there.
 *
 * <p>{@link #toString()} never shows a password: these settings appear in messages.
 */
public record CassandraSettings(List<String> hosts, int port, String source, String driverConfig)
    implements Serializable {

  private static final String ROOT = DefaultDriverConfigLoader.DEFAULT_ROOT_PATH;
  private static final ClassLoader DRIVER = CqlSession.class.getClassLoader();
  private static final String DATACENTER = "basic.load-balancing-policy.local-datacenter";
  private static final String USERNAME = "advanced.auth-provider.username";
  private static final String PASSWORD = "advanced.auth-provider.password";
  private static final String TRUSTSTORE = "advanced.ssl-engine-factory.truststore-path";

  /** Keys the programs decide themselves, and where the user says them instead. */
  static final Map<String, String> DECIDED =
      Map.of(
          "basic.contact-points",
          "give the nodes with " + Flags.CASSANDRA_HOSTS,
          "basic.session-keyspace",
          "give the keyspace with " + Flags.KEYSPACE,
          "basic.request.consistency",
          "the programs choose it (the pipeline's --cassandraConsistency)");

  /**
   * What every program's session has unless the file says otherwise: the local datacenter found
   * from the contact points (the file may name it), the JDK's clock (the native one is left out of
   * the build), and a node that comes back is back within seconds (the driver's default waits up to
   * a minute).
   */
  private static final String DEFAULTS =
      """
      basic.load-balancing-policy.class = DcInferringLoadBalancingPolicy
      advanced.timestamp-generator.force-java-clock = true
      advanced.reconnection-policy.base-delay = 500 milliseconds
      advanced.connection.connect-timeout = 5 seconds
      """;

  /** An open cluster: the contact points (comma-separated) on {@code port}, nothing else. */
  public static CassandraSettings of(String hosts, int port) {
    return new CassandraSettings(ContactList.of(hosts), port, null, null);
  }

  /**
   * The contact points with the settings of {@code configFile} (none when null or blank); throws
   * {@link IllegalArgumentException} with a one-line reason when the file cannot be used.
   */
  public static CassandraSettings load(String hosts, int port, String configFile) {
    if (configFile == null || configFile.isBlank()) {
      return of(hosts, port);
    }
    File file = new File(configFile);
    if (!file.isFile()) {
      throw new IllegalArgumentException("Cassandra config file " + configFile + " does not exist");
    }
    Config driver;
    try {
      Config config = ConfigFactory.parseFile(file).resolve();
      if (!config.hasPath(ROOT)) {
        throw new IllegalArgumentException(
            "Cassandra config file " + configFile + " has no " + ROOT + " { ... } block");
      }
      driver = config.getConfig(ROOT);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(
          "cannot read Cassandra config file " + configFile + ": " + e.getMessage(), e);
    }
    DECIDED.forEach(
        (key, instead) -> {
          if (driver.hasPath(key)) {
            throw new IllegalArgumentException(
                "Cassandra config file " + configFile + " sets " + key + ": " + instead);
          }
        });
    return new CassandraSettings(
        ContactList.of(hosts),
        port,
        configFile,
        driver.root().render(ConfigRenderOptions.concise()));
  }

  /** The login's name, or null for none. */
  public String username() {
    return value(USERNAME);
  }

  /** The login's password, or null for none. */
  public String password() {
    return value(PASSWORD);
  }

  /** The datacenter the file names as local, or null (then it is found from the contact points). */
  public String localDatacenter() {
    return value(DATACENTER);
  }

  /** The TLS truststore the file names, or null (then no TLS). */
  public String truststorePath() {
    return value(TRUSTSTORE);
  }

  private String value(String path) {
    if (driverConfig == null) {
      return null;
    }
    Config driver = ConfigFactory.parseString(driverConfig);
    return driver.hasPath(path) ? driver.getString(path) : null;
  }

  /** Where the settings come from, for a message: the file, or that there is none. */
  public String describeSource() {
    return source == null
        ? "no Cassandra config file (give one with " + Flags.CASSANDRA_CONFIG + ")"
        : source;
  }

  /**
   * A session builder for these contact points, configured in layers: {@code required} (the
   * program's own needs, in the driver's configuration syntax) over the file over {@code defaults}
   * (the program's) over this class's defaults over the driver's reference configuration.
   */
  public CqlSessionBuilder sessionBuilder(String defaults, String required) {
    String truststore = truststorePath();
    if (truststore != null && !new File(truststore).isFile()) {
      throw new CassandraRefusedException(
          "the Cassandra truststore " + truststore + " (from " + source + ") does not exist", null);
    }
    Config config = driverConfig(defaults, required);
    return CqlSession.builder()
        .withClassLoader(DRIVER)
        .addContactPoints(hosts.stream().map(host -> new InetSocketAddress(host, port)).toList())
        .withConfigLoader(new DefaultDriverConfigLoader(() -> config, false));
  }

  /** The driver's configuration in the layers {@link #sessionBuilder} says. */
  Config driverConfig(String defaults, String required) {
    Config layers =
        ConfigFactory.parseString(required)
            .withFallback(
                driverConfig == null
                    ? ConfigFactory.empty()
                    // Named after the file, so that the driver's complaint about a value says
                    // where it came from.
                    : ConfigFactory.parseString(
                        driverConfig, ConfigParseOptions.defaults().setOriginDescription(source)))
            .withFallback(ConfigFactory.parseString(defaults))
            .withFallback(ConfigFactory.parseString(DEFAULTS));
    return layers
        .atPath(ROOT)
        .withFallback(ConfigFactory.defaultReference(DRIVER))
        .resolve()
        .getConfig(ROOT);
  }

  /** What travels when serialized: the contact points and the file's path, no password. */
  private Object writeReplace() {
    return new Serialized(new java.util.ArrayList<>(hosts), port, source);
  }

  private record Serialized(List<String> hosts, int port, String source) implements Serializable {
    private Object readResolve() {
      return source == null
          ? new CassandraSettings(List.copyOf(hosts), port, null, null)
          : load(String.join(",", hosts), port, source);
    }
  }

  @Override
  public String toString() {
    String at = String.join(",", hosts) + " (port " + port + ")";
    String username = username();
    return source == null
        ? at
        : at + " with " + source + (username == null ? "" : " as " + username);
  }
}
