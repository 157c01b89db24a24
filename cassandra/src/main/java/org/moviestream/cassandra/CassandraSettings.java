package org.moviestream.cassandra;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.RemoteEndpointAwareJdkSSLOptions;
import com.datastax.driver.core.SocketOptions;
import com.datastax.driver.core.policies.DCAwareRoundRobinPolicy;
import com.datastax.driver.core.policies.TokenAwarePolicy;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.netty.channel.socket.SocketChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.moviestream.cli.ContactList;
import org.moviestream.cli.Flags;

/**
 * Where the Cassandra nodes are and how to talk to them: contact points and port from the flags,
 * and from a Cassandra Java driver configuration file ({@code application.conf}, the format of the
 * maintained driver 4) the login, the TLS truststore, the local datacenter and the timeouts. The
 * keys read are {@link #SUPPORTED}; a file that sets another is refused rather than half-applied.
 *
 * <p>{@link #toString()} never shows a password: these settings travel with the pipeline's
 * transforms and appear in messages.
 */
public record CassandraSettings(
    List<String> hosts,
    int port,
    String source,
    String username,
    String password,
    String truststorePath,
    String truststorePassword,
    boolean hostnameValidation,
    String localDatacenter,
    Duration connectTimeout,
    Duration requestTimeout)
    implements Serializable {

  private static final String ROOT = "datastax-java-driver";
  private static final String DATACENTER = "basic.load-balancing-policy.local-datacenter";
  private static final String REQUEST_TIMEOUT = "basic.request.timeout";
  private static final String CONNECT_TIMEOUT = "advanced.connection.connect-timeout";
  private static final String AUTH = "advanced.auth-provider";
  private static final String SSL = "advanced.ssl-engine-factory";

  /** The keys of {@code datastax-java-driver { ... }} these settings apply. */
  public static final Set<String> SUPPORTED =
      Set.of(
          DATACENTER,
          REQUEST_TIMEOUT,
          CONNECT_TIMEOUT,
          AUTH + ".class",
          AUTH + ".username",
          AUTH + ".password",
          SSL + ".class",
          SSL + ".truststore-path",
          SSL + ".truststore-password",
          SSL + ".hostname-validation");

  /** An open cluster: the contact points (comma-separated) on {@code port}, nothing else. */
  public static CassandraSettings of(String hosts, int port) {
    return new CassandraSettings(
        ContactList.of(hosts), port, null, null, null, null, null, true, null, null, null);
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
    Config config;
    try {
      config = ConfigFactory.parseFile(file).resolve();
    } catch (ConfigException e) {
      throw new IllegalArgumentException(
          "cannot read Cassandra config file " + configFile + ": " + e.getMessage(), e);
    }
    if (!config.hasPath(ROOT)) {
      throw new IllegalArgumentException(
          "Cassandra config file " + configFile + " has no " + ROOT + " { ... } block");
    }
    Config driver = config.getConfig(ROOT);
    Set<String> unsupported = new TreeSet<>();
    driver.entrySet().forEach(entry -> unsupported.add(entry.getKey()));
    unsupported.removeAll(SUPPORTED);
    if (unsupported.contains("basic.contact-points")) {
      throw new IllegalArgumentException(
          "Cassandra config file "
              + configFile
              + " sets basic.contact-points: give the nodes with "
              + Flags.CASSANDRA_HOSTS
              + " instead");
    }
    if (!unsupported.isEmpty()) {
      throw new IllegalArgumentException(
          "Cassandra config file "
              + configFile
              + " sets "
              + unsupported
              + ", which this version does not apply (it applies "
              + new TreeSet<>(SUPPORTED)
              + ")");
    }
    try {
      requireClass(driver, AUTH, "PlainTextAuthProvider", configFile);
      requireClass(driver, SSL, "DefaultSslEngineFactory", configFile);
      return new CassandraSettings(
          ContactList.of(hosts),
          port,
          configFile,
          string(driver, AUTH + ".username"),
          string(driver, AUTH + ".password"),
          string(driver, SSL + ".truststore-path"),
          string(driver, SSL + ".truststore-password"),
          !driver.hasPath(SSL + ".hostname-validation")
              || driver.getBoolean(SSL + ".hostname-validation"),
          string(driver, DATACENTER),
          driver.hasPath(CONNECT_TIMEOUT) ? driver.getDuration(CONNECT_TIMEOUT) : null,
          driver.hasPath(REQUEST_TIMEOUT) ? driver.getDuration(REQUEST_TIMEOUT) : null);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(
          "Cassandra config file " + configFile + ": " + e.getMessage(), e);
    }
  }

  private static String string(Config driver, String path) {
    return driver.hasPath(path) ? driver.getString(path) : null;
  }

  /** A provider block, if there, names the driver's one implementation this version applies. */
  private static void requireClass(Config driver, String block, String simpleName, String file) {
    String path = block + ".class";
    if (driver.hasPath(path) && !driver.getString(path).endsWith(simpleName)) {
      throw new IllegalArgumentException(
          "Cassandra config file " + file + ": " + path + " must be " + simpleName);
    }
  }

  /** Where the settings come from, for a message: the file, or that there is none. */
  public String describeSource() {
    return source == null
        ? "no Cassandra config file (give one with " + Flags.CASSANDRA_CONFIG + ")"
        : source;
  }

  /**
   * A driver {@link Cluster.Builder} with the contact points, login, TLS and load balancing of
   * these settings, and socket timeouts: the file's, or the defaults given.
   */
  public Cluster.Builder clusterBuilder(Duration defaultConnect, Duration defaultRequest) {
    Cluster.Builder builder =
        Cluster.builder().addContactPoints(hosts.toArray(String[]::new)).withPort(port);
    if (username != null) {
      builder.withCredentials(username, password == null ? "" : password);
    }
    if (truststorePath != null) {
      builder.withSSL(new HostnameCheckingSslOptions(sslContext(), hostnameValidation));
    }
    if (localDatacenter != null) {
      builder.withLoadBalancingPolicy(
          new TokenAwarePolicy(
              DCAwareRoundRobinPolicy.builder().withLocalDc(localDatacenter).build()));
    }
    return builder.withSocketOptions(
        new SocketOptions()
            .setConnectTimeoutMillis(
                (int) (connectTimeout != null ? connectTimeout : defaultConnect).toMillis())
            .setReadTimeoutMillis(
                (int) (requestTimeout != null ? requestTimeout : defaultRequest).toMillis()));
  }

  /** The truststore's certificates as the TLS trust; {@link IllegalStateException} if unusable. */
  private SSLContext sslContext() {
    File file = new File(truststorePath);
    if (!file.isFile()) {
      throw new CassandraRefusedException(
          "the Cassandra truststore " + truststorePath + " (from " + source + ") does not exist",
          null);
    }
    try {
      KeyStore trusted =
          KeyStore.getInstance(
              file, truststorePassword == null ? null : truststorePassword.toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new CassandraRefusedException(
          "cannot open the Cassandra truststore " + truststorePath + ": " + e.getMessage(), e);
    }
  }

  /** Driver 3's JDK TLS, checking the node's certificate names its address when asked to. */
  private static final class HostnameCheckingSslOptions extends RemoteEndpointAwareJdkSSLOptions {
    private final boolean validate;

    HostnameCheckingSslOptions(SSLContext context, boolean validate) {
      super(context, null);
      this.validate = validate;
    }

    @Override
    protected SSLEngine newSSLEngine(SocketChannel channel, InetSocketAddress remoteEndpoint) {
      SSLEngine engine = super.newSSLEngine(channel, remoteEndpoint);
      if (validate) {
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
      }
      return engine;
    }
  }

  @Override
  public String toString() {
    String at = String.join(",", hosts) + " (port " + port + ")";
    return source == null
        ? at
        : at + " with " + source + (username == null ? "" : " as " + username);
  }
}
