package org.moviestream.pipeline.io;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.io.cassandra.CassandraIO;
import org.moviestream.pipeline.options.MovieRatingsOptions;

/** Where rows go: Cassandra hosts, port and keyspace, and a CassandraIO write aimed there. */
public record CassandraTarget(List<String> hosts, int port, String keyspace) implements Serializable {

  public static CassandraTarget from(MovieRatingsOptions options) {
    List<String> hosts = Arrays.stream(options.getCassandraHosts().split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
    return new CassandraTarget(hosts, options.getCassandraPort(), options.getKeyspace());
  }

  /** A CassandraIO write of mapped entities of {@code entity} into this keyspace. */
  public <T> CassandraIO.Write<T> write(Class<T> entity) {
    return CassandraIO.<T>write()
        .withHosts(hosts)
        .withPort(port)
        .withKeyspace(keyspace)
        .withEntity(entity);
  }
}
