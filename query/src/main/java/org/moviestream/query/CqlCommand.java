package org.moviestream.query;

import com.datastax.oss.driver.api.core.cql.ResultSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.moviestream.cassandra.CassandraConnection;
import org.moviestream.cassandra.CqlScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** query cql: any CQL statements, or a CQL script, printed as tables (a minimal cqlsh). */
@Command(
    name = "cql",
    mixinStandardHelpOptions = true,
    description = "Run any CQL statements or a CQL script.")
final class CqlCommand implements Callable<Integer> {

  @Mixin CassandraQueries cassandra;

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--file"},
      description = "a CQL script to run, statement by statement")
  Path file;

  @Option(
      names = {"-q", "--quiet"},
      description = "print nothing but errors")
  boolean quiet;

  @Parameters(paramLabel = "STATEMENT", arity = "0..*", description = "CQL statements to run")
  List<String> inline = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    List<String> statements = new ArrayList<>();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(spec.commandLine(), "no such file: " + file);
      }
      statements.addAll(CqlScript.statements(Files.readString(file, StandardCharsets.UTF_8)));
    }
    for (String text : inline) {
      statements.addAll(CqlScript.statements(text));
    }
    if (statements.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "nothing to run: give a STATEMENT or --file");
    }
    try (CassandraConnection connection = cassandra.connect()) {
      for (String statement : statements) {
        ResultSet result = connection.session().execute(statement);
        if (!quiet && result.getColumnDefinitions().size() > 0) {
          System.out.println(ResultTable.of(result).render());
        }
      }
    }
    return 0;
  }
}
