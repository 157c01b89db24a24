package org.moviestream.cql;

import com.datastax.driver.core.ResultSet;
import com.datastax.driver.core.exceptions.DriverException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** bin/cql: runs CQL statements or a CQL file against Cassandra and prints results as tables. */
@Command(
    name = "cql",
    mixinStandardHelpOptions = true,
    description = "Run CQL against Cassandra (a small cqlsh stand-in on the DataStax Java driver).")
public final class CqlTool implements Callable<Integer> {

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Cassandra host (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "9042", description = "Cassandra native port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = {"-f", "--file"}, description = "a CQL script to run, statement by statement")
  Path file;

  @Option(names = {"-q", "--quiet"}, description = "print nothing but errors")
  boolean quiet;

  @Parameters(paramLabel = "STATEMENT", arity = "0..*", description = "CQL statements to run")
  List<String> inline = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    List<String> statements = new ArrayList<>();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        System.err.println("cql: no such file: " + file);
        return 2;
      }
      statements.addAll(CqlScript.statements(Files.readString(file, StandardCharsets.UTF_8)));
    }
    for (String text : inline) {
      statements.addAll(CqlScript.statements(text));
    }
    if (statements.isEmpty()) {
      System.err.println("cql: nothing to run: give a STATEMENT or --file (see --help)");
      return 2;
    }
    try (CassandraConnection connection = CassandraConnection.open(host, port)) {
      for (String statement : statements) {
        ResultSet result = connection.session().execute(statement);
        if (!quiet && !result.getColumnDefinitions().asList().isEmpty()) {
          System.out.println(ResultTable.of(result).render());
        }
      }
      return 0;
    } catch (IllegalStateException e) {
      System.err.println("cql: " + e.getMessage());
      return 1;
    } catch (DriverException e) {
      System.err.println("cql: " + e.getMessage());
      return 1;
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new CqlTool()).execute(args));
  }
}
