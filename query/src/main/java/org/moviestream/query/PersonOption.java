package org.moviestream.query;

import picocli.CommandLine.Option;

/** The person a question is about. */
final class PersonOption {

  @Option(names = "--name", required = true, description = "the person, e.g. 'Stelios Giagkos'")
  String name;
}
