package org.moviestream.pipeline.io;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.io.cassandra.CassandraIO;
import org.moviestream.pipeline.options.MovieRatingsOptions;

/** Where rows go (Cassandra hosts, port, keyspace) and how they are written. */
public record CassandraTarget(List<String> hosts, int port, String keyspace, CassandraWriter writer, int maxInFlight)
    implements Serializable {

  /** The two ways rows can be written; see the README's Performance section for what each costs. */
  public enum CassandraWriter {
    /** Our DoFn on one session per executor JVM (fast on the SparkRunner). */
    SHARED_SESSION,
    /** Beam's CassandraIO.write(), which opens and closes a Cluster per DoFn instance. */
    CASSANDRA_IO
  }

  public static CassandraTarget from(MovieRatingsOptions options) {
    List<String> hosts = Arrays.stream(options.getCassandraHosts().split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
    return new CassandraTarget(hosts, options.getCassandraPort(), options.getKeyspace(), options.getCassandraWriter(),
        options.getCassandraMaxInFlight());
  }

  /** A CassandraIO write of mapped entities of {@code entity} into this keyspace. */
  <T> CassandraIO.Write<T> cassandraIoWrite(Class<T> entity) {
    return CassandraIO.<T>write()
        .withHosts(hosts)
        .withPort(port)
        .withKeyspace(keyspace)
        .withEntity(entity);
  }
}
