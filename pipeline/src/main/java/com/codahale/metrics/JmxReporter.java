package com.codahale.metrics;

/**
 * Compatibility bridge: the Cassandra Java driver 3 (used by Beam's CassandraIO) calls {@code
 * com.codahale.metrics.JmxReporter}, which Metrics 4 (Spark's) moved to {@code
 * com.codahale.metrics.jmx.JmxReporter}. Without this class every CassandraIO write fails with
 * NoClassDefFoundError. It offers exactly the calls the driver makes and forwards them.
 */
public final class JmxReporter implements AutoCloseable {

  private final com.codahale.metrics.jmx.JmxReporter delegate;

  private JmxReporter(com.codahale.metrics.jmx.JmxReporter delegate) {
    this.delegate = delegate;
  }

  public static Builder forRegistry(MetricRegistry registry) {
    return new Builder(com.codahale.metrics.jmx.JmxReporter.forRegistry(registry));
  }

  public void start() {
    delegate.start();
  }

  public void stop() {
    delegate.stop();
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** The driver's view of the Metrics 3 builder: a JMX domain, then build. */
  public static final class Builder {
    private final com.codahale.metrics.jmx.JmxReporter.Builder delegate;

    private Builder(com.codahale.metrics.jmx.JmxReporter.Builder delegate) {
      this.delegate = delegate;
    }

    public Builder inDomain(String domain) {
      delegate.inDomain(domain);
      return this;
    }

    public JmxReporter build() {
      return new JmxReporter(delegate.build());
    }
  }
}
