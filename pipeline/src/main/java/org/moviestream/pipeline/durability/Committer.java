package org.moviestream.pipeline.durability;

import java.io.Serializable;

/**
 * Who commits the consumer group's offsets: this run's job name, and the target its rows go to
 * ("keyspace@hosts:port"), since committed offsets say what that target holds and nothing else.
 */
public record Committer(String job, String target) implements Serializable {}
