package org.moviestream.testing;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The documents' option tables, made from the code that defines the options (picocli annotations,
 * or Beam's {@code @Description}/{@code @Default} getters), and the check that the documents show
 * what the code says. A table lives between {@code <!-- options: NAME -->} and {@code <!-- end
 * options -->}; {@code -Dreadme.update=true} writes the generated one there instead of failing.
 */
public final class ReadmeTables {

  private static final String END = "<!-- end options -->";

  private ReadmeTables() {}

  /** A command's picocli options as "| flag | default | what |" rows, help and version left out. */
  public static String ofPicocli(Object command) {
    StringBuilder table = new StringBuilder("| flag | default | what |\n|---|---|---|\n");
    for (OptionSpec option : CommandSpec.forAnnotatedObject(command).options()) {
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      String names =
          Arrays.stream(option.names())
              .sorted(Comparator.comparing(String::length).reversed())
              .map(name -> "`" + name + "`")
              .collect(Collectors.joining(", "));
      String value = option.defaultValue() == null ? "" : "`" + option.defaultValue() + "`";
      // picocli gives the description with its default filled in; the table has a column for it.
      String what = String.join(" ", option.description());
      if (option.defaultValue() != null) {
        what =
            what.replace(" (default: " + option.defaultValue() + ")", "")
                .replace("(default: " + option.defaultValue() + "; ", "(");
      }
      table.append(row(names, value, what));
    }
    return table.toString();
  }

  /**
   * Beam options: every getter with a {@code @Description} declared by {@code interfaces}, in their
   * order, as "| option | default | what |" rows.
   */
  public static String ofBeam(Class<?>... interfaces) {
    StringBuilder table = new StringBuilder("| option | default | what |\n|---|---|---|\n");
    for (Class<?> options : interfaces) {
      List<Method> getters = new ArrayList<>();
      for (Method method : options.getDeclaredMethods()) {
        if (method.getName().startsWith("get") && description(method) != null) {
          getters.add(method);
        }
      }
      getters.sort(Comparator.comparing(Method::getName));
      for (Method getter : getters) {
        String name = getter.getName().substring(3);
        name = "--" + Character.toLowerCase(name.charAt(0)) + name.substring(1);
        String value = beamDefault(getter);
        table.append(
            row("`" + name + "`", value.isEmpty() ? "" : "`" + value + "`", description(getter)));
      }
    }
    return table.toString();
  }

  private static String description(Method getter) {
    for (var annotation : getter.getAnnotations()) {
      if (annotation.annotationType().getSimpleName().equals("Description")) {
        return (String) invoke(annotation, "value");
      }
    }
    return null;
  }

  /** The value of whichever {@code @Default.X} the getter carries, or "". */
  private static String beamDefault(Method getter) {
    for (var annotation : getter.getAnnotations()) {
      if (annotation.annotationType().getEnclosingClass() != null
          && annotation.annotationType().getEnclosingClass().getSimpleName().equals("Default")) {
        Object value = invoke(annotation, "value");
        return value instanceof Class<?> type ? type.getSimpleName() : String.valueOf(value);
      }
    }
    return "";
  }

  private static Object invoke(Object annotation, String method) {
    try {
      return annotation.getClass().getMethod(method).invoke(annotation);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String row(String names, String value, String what) {
    return ("| " + names + " | " + value + " | " + what.replace("|", "\\|").strip() + " |\n")
        .replace("|  |", "| |");
  }

  /**
   * The block {@code name} of the clone's documents (README.md and docs/*.md under the {@code
   * project.root} system property, else the parent directory), or, with {@code
   * -Dreadme.update=true}, the document rewritten with {@code table} there first.
   */
  public static String block(String name, String table) throws IOException {
    String start = "<!-- options: " + name + " -->\n";
    Path doc = documentWith(start);
    String text = Files.readString(doc);
    int from = text.indexOf(start);
    int to = text.indexOf(END, from);
    if (to < 0) {
      throw new IllegalStateException(doc + " has no " + END + " after " + start.strip());
    }
    if (Boolean.getBoolean("readme.update")) {
      text = text.substring(0, from + start.length()) + table + text.substring(to);
      Files.writeString(doc, text);
      to = from + start.length() + table.length();
    }
    return text.substring(from + start.length(), to);
  }

  /** README.md and every docs/*.md of the clone. */
  public static List<Path> documents() throws IOException {
    Path root = Project.root();
    List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
    try (var docs = Files.list(root.resolve("docs"))) {
      docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    return documents;
  }

  private static Path documentWith(String start) throws IOException {
    for (Path doc : documents()) {
      if (Files.readString(doc).contains(start)) {
        return doc;
      }
    }
    throw new IllegalStateException(
        "no document has the block " + start.strip() + " ... " + END + ": " + documents());
  }
}
