package org.moviestream.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.moviestream.cassandra.CassandraConnection;
import org.moviestream.cassandra.CassandraSettings;
import org.moviestream.contract.Defaults;
import org.moviestream.testing.Listeners;
import org.moviestream.testing.PipelineArgs;
import org.moviestream.testing.PipelineProcess;
import org.moviestream.testing.Project;
import org.moviestream.testing.StackResources;

/**
 * Every program on the secured stack ({@code bin/stack start --secure}: Kafka SASL_SSL with
 * SCRAM-SHA-512 and ACLs, Cassandra with logins, grants and TLS), given nothing but the client
 * config files: with the right ones, ratings go from the producer through the pipeline into
 * Cassandra and onto the live page, and no password shows in a log or a command line; with a wrong
 * password, a truststore that is not there or a login without grants, each program says so in one
 * line and exits 1. Runs first among the view's tests: it switches the stack and back.
 */
@Order(1)
class SecuredStackIT {

  private static final Path ROOT = KnownStream.ROOT;
  private static final Path STATE = Project.stackDir();
  private static final Path SECURE = STATE.resolve("secure");
  private static final Path KAFKA = SECURE.resolve("kafka-client.properties");
  private static final Path CASSANDRA = SECURE.resolve("cassandra-client.conf");
  private static final Path WORK = ROOT.resolve("view/target/secured");
  private static final String SECURE_BROKER = "127.0.0.1:29094";
  private static final int RATINGS = 400;
  private static final Duration TIMEOUT = Duration.ofMinutes(4);
  private static boolean secured;

  @BeforeAll
  static void onTheSecuredStack() throws Exception {
    assumeTrue(
        Files.exists(STATE.resolve("started-for-tests")),
        "a stack the tests did not start runs on the ports: stop it first");
    for (Project.Jar jar :
        List.of(Project.Jar.PIPELINE, Project.Jar.PRODUCER, Project.Jar.QUERY, Project.Jar.VIEW)) {
      assertTrue(
          Files.exists(jar.path()),
          "build every jar first (mvn verify builds them in order; alone: mvn package): "
              + jar.relative());
    }
    Files.createDirectories(WORK);
    stack("stop", "--for-tests");
    secured = true;
    stack("start", "--secure", "--for-tests");
    String kafka = Files.readString(KAFKA);
    String cassandra = Files.readString(CASSANDRA);
    write(
        "wrong-password.properties", kafka.replaceAll("password=\"[^\"]*\"", "password=\"wrong\""));
    write(
        "wrong-password.conf",
        cassandra.replaceAll("(?m)^(\\s*)password = .*$", "$1password = \"wrong\""));
    write(
        "no-truststore.properties",
        kafka.replaceAll(
            "(?m)^ssl.truststore.location=.*$", "ssl.truststore.location=/nowhere.p12"));
    write(
        "no-truststore.conf",
        cassandra.replaceAll("truststore-path = .*", "truststore-path = \"/nowhere.p12\""));
    write(
        "no-grants.properties", kafka.replaceAll("username=\"[^\"]*\"", "username=\"no-grants\""));
    write("no-grants.conf", cassandra.replaceAll("username = .*", "username = \"no_grants\""));
    Run logins =
        run(
            "logins",
            query(
                "logins",
                "--kafka-config",
                SECURE.resolve("kafka-admin.properties").toString(),
                "--cassandra-config",
                SECURE.resolve("cassandra-admin.conf").toString(),
                "--kafka-login",
                WORK.resolve("no-grants.properties").toString(),
                "--cassandra-login",
                WORK.resolve("no-grants.conf").toString(),
                "--no-grants"));
    assertEquals(0, logins.exitCode, logins.output);
  }

  @AfterAll
  static void backToTheOpenStack() throws Exception {
    if (secured) {
      stack("stop", "--for-tests");
      stack("start", "--nodes", "1", "--for-tests");
    }
  }

  @Test
  void theRightFilesCarryRatingsFromTheProducerToThePageAndShowNoPassword() throws Exception {
    String group = StackResources.uniqueName("secured");
    String owner = "Secured Owner " + group.substring(group.length() - 8);
    Instant start = Instant.now();
    try (StackResources stack = StackResources.onSecuredStack(SECURE);
        PipelineProcess pipeline =
            PipelineProcess.start(
                Project.Jar.PIPELINE.path(),
                WORK.resolve("pipeline.log"),
                PipelineArgs.on(SECURE_BROKER)
                    .consumerGroup(group)
                    .set("kafkaConfig", KAFKA)
                    .set("cassandraConfig", CASSANDRA)
                    .set("startingOffsets", "latest")
                    .list())) {
      await("the pipeline reports", () -> pipeline.output().contains("STATUS {"), pipeline);
      Run producer =
          run(
              "producer",
              java(
                  Project.Jar.PRODUCER,
                  "--bootstrap-servers",
                  SECURE_BROKER,
                  "--kafka-config",
                  KAFKA.toString(),
                  "--me",
                  owner,
                  "--count",
                  String.valueOf(RATINGS)));
      assertEquals(0, producer.exitCode, producer.output);
      await(
          "every rating is committed",
          () -> stack.lag(group, Defaults.RATINGS_TOPIC) == 0 && committed(stack, group) > 0,
          pipeline);

      Map<String, Long> sentPerPerson = new HashMap<>();
      for (ConsumerRecord<String, String> record :
          stack.readTopic(Defaults.RATINGS_TOPIC, RATINGS, Duration.ofMinutes(1))) {
        if (record.timestamp() >= start.toEpochMilli()) {
          sentPerPerson.merge(record.key(), 1L, Long::sum);
        }
      }
      assertEquals(
          RATINGS, sentPerPerson.values().stream().mapToLong(Long::longValue).sum(), "sent");
      assertTrue(sentPerPerson.containsKey(owner), "the owner rated: " + sentPerPerson.keySet());
      for (Map.Entry<String, Long> person : sentPerPerson.entrySet()) {
        assertEquals(
            person.getValue().longValue(),
            stack.count(
                "SELECT count(*) FROM netflix.movie_ratings WHERE name = ? AND timestamp >= ?",
                person.getKey(),
                start),
            "rows of " + person.getKey());
      }

      Run count =
          run(
              "query-count",
              query("count", "--cassandra-config", CASSANDRA.toString(), "--name", owner));
      assertEquals(0, count.exitCode, count.output);
      assertEquals(String.valueOf(sentPerPerson.get(owner)), count.output.strip());

      Process view =
          new ProcessBuilder(
                  java(
                      Project.Jar.VIEW,
                      "--port",
                      "0",
                      "--bootstrap-servers",
                      SECURE_BROKER,
                      "--kafka-config",
                      KAFKA.toString(),
                      "--cassandra-config",
                      CASSANDRA.toString()))
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(WORK.resolve("view.log").toFile())
              .start();
      try {
        String url = awaitViewUrl(view);
        JsonNode status = getJson(url + "api/status");
        assertTrue(status.get("kafkaUp").asBoolean(), status.toString());
        assertTrue(status.get("cassandraUp").asBoolean(), status.toString());
        assertTrue(getJson(url + "api/people").toString().contains(owner));
        assertNoSecretIn(processArguments(), "a command line");
        assertNoSecretReadableByOthers();
        assertNoListenerOnEveryAddress();
      } finally {
        view.destroy();
        assertTrue(view.waitFor(30, TimeUnit.SECONDS), "the view ends on SIGTERM");
      }
      assertTrue(pipeline.terminate(Duration.ofSeconds(60)).toSeconds() < 60);
      assertEquals(0, pipeline.exitCode(), pipeline.tail(2000));
    }
    try (Stream<Path> logs = Files.list(WORK)) {
      for (Path log : logs.filter(path -> path.toString().endsWith(".log")).toList()) {
        assertNoSecretIn(Files.readString(log), log.toString());
      }
    }
  }

  @Test
  void noClientWithoutALoginGetsInAnywhere() {
    for (String listener : List.of("127.0.0.1:29092", "127.0.0.1:29094")) {
      assertRefused(
          "listing topics at " + listener,
          Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, listener),
          admin -> admin.listTopics().names().get(20, TimeUnit.SECONDS));
      assertRefused(
          "resetting the pipeline's group at " + listener,
          Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, listener),
          admin ->
              admin
                  .deleteConsumerGroups(List.of(Defaults.CONSUMER_GROUP))
                  .all()
                  .get(20, TimeUnit.SECONDS));
    }
    assertRefused(
        "describing the cluster at the controller",
        Map.of(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, "127.0.0.1:29093"),
        admin -> admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS));
    assertThrows(
        RuntimeException.class,
        () -> CassandraConnection.open(Defaults.CASSANDRA_HOST, Defaults.CASSANDRA_PORT).close(),
        "Cassandra took a client without a login");
  }

  /**
   * A start that died between making the stack's administrator and retiring Cassandra's default
   * superuser left cassandra/cassandra a superuser: the next start retires it all the same.
   */
  @Test
  void theDefaultSuperuserIsRetiredByAStartEvenAfterOneThatDiedHalfway() throws Exception {
    CassandraSettings bootstrap =
        CassandraSettings.load(
            Defaults.CASSANDRA_HOST,
            Defaults.CASSANDRA_PORT,
            SECURE.resolve("cassandra-bootstrap.conf").toString());
    try (StackResources stack = StackResources.onSecuredStack(SECURE)) {
      stack.session().execute("ALTER ROLE cassandra WITH SUPERUSER = true AND LOGIN = true");
    }
    CassandraConnection.open(bootstrap).close(); // the half-way state: it logs in again
    stack("start", "--secure", "--for-tests");
    assertThrows(
        RuntimeException.class,
        () -> CassandraConnection.open(bootstrap).close(),
        "cassandra/cassandra still logs in");
  }

  private interface AdminCall {
    Object call(Admin admin) throws Exception;
  }

  /** An admin client with nothing but {@code where} fails to {@code what}. */
  private static void assertRefused(String what, Map<String, Object> where, AdminCall call) {
    Map<String, Object> config = new HashMap<>(where);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    try (Admin admin = Admin.create(config)) {
      Object answer = call.call(admin);
      throw new AssertionError("a client without a login succeeded " + what + ": " + answer);
    } catch (AssertionError e) {
      throw e;
    } catch (Exception expected) {
      // refused, or never answered
    }
  }

  /**
   * No file that holds one of the stack's passwords may be read by another user: in the stack's
   * folder, in /tmp (where Spark checkpointed before), in the runs' checkpoint folder.
   */
  private static void assertNoSecretReadableByOthers() throws IOException {
    List<String> secrets = secrets();
    List<String> exposed = new ArrayList<>();
    for (Path folder :
        List.of(
            STATE,
            Path.of("/tmp"), // the pipeline's default checkpoint base is in here
            // (OptionsParser.defaultCheckpointBase)
            Path.of(System.getProperty("user.home"), ".movie-stream"))) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          if (file.toString().contains("/lib/")
              || !Files.isReadable(file)
              || Files.size(file) > 5_000_000) {
            continue;
          }
          String text;
          try {
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
          } catch (IOException goneMeanwhile) {
            continue;
          }
          if (secrets.stream().anyMatch(text::contains) && readableByOthers(file)) {
            exposed.add(file.toString());
          }
        }
      }
    }
    assertEquals(List.of(), exposed, "files with a password that other users may read");
  }

  /** Whether a user other than the owner can read {@code file}: its mode, and every folder's. */
  private static boolean readableByOthers(Path file) throws IOException {
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
    if (!mode.contains(PosixFilePermission.GROUP_READ)
        && !mode.contains(PosixFilePermission.OTHERS_READ)) {
      return false;
    }
    for (Path folder = file.getParent(); folder != null; folder = folder.getParent()) {
      Set<PosixFilePermission> folderMode = Files.getPosixFilePermissions(folder);
      if (!folderMode.contains(PosixFilePermission.GROUP_EXECUTE)
          && !folderMode.contains(PosixFilePermission.OTHERS_EXECUTE)) {
        return false;
      }
    }
    return true;
  }

  /** Every process of the project (the stack's nodes, the pipeline, the view) on loopback only. */
  private static void assertNoListenerOnEveryAddress() throws IOException {
    List<String> wildcards = new ArrayList<>();
    int processes = 0;
    for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
      String command = String.join(" ", process.info().arguments().orElse(new String[0]));
      boolean ours =
          (command.contains(ROOT.toString()) || command.contains(STATE.toString()))
              && !command.contains("surefire")
              && !command.contains("plexus-classworlds")
              && process.pid() != ProcessHandle.current().pid();
      if (!ours) {
        continue;
      }
      processes++;
      for (Listeners.Listener listener : Listeners.of(process.pid())) {
        if (listener.everyAddress()) {
          wildcards.add(listener + " by " + command.substring(0, Math.min(120, command.length())));
        }
      }
    }
    assertTrue(processes >= 4, "the stack's two nodes, the pipeline and the view: " + processes);
    assertEquals(List.of(), wildcards, "listeners on every address");
  }

  @Test
  void aWrongPasswordIsOneLineAndExitOne() throws Exception {
    Path kafka = WORK.resolve("wrong-password.properties");
    Path cassandra = WORK.resolve("wrong-password.conf");
    refusedEverywhere(kafka, CASSANDRA, "Kafka at " + SECURE_BROKER + " refused the login");
    refusedEverywhere(KAFKA, cassandra, "refused the login (Authentication error");
  }

  @Test
  void aMissingTruststoreIsOneLineAndExitOne() throws Exception {
    refusedEverywhere(
        WORK.resolve("no-truststore.properties"), CASSANDRA, "does not exist: /nowhere.p12");
    refusedEverywhere(
        KAFKA, WORK.resolve("no-truststore.conf"), "the Cassandra truststore /nowhere.p12");
  }

  @Test
  void aLoginWithoutGrantsIsOneLineAndExitOne() throws Exception {
    refusedEverywhere(WORK.resolve("no-grants.properties"), CASSANDRA, "denied access");
    refusedEverywhere(KAFKA, WORK.resolve("no-grants.conf"), "User no_grants has no ");
  }

  /**
   * Every program given {@code kafka} and {@code cassandra} ends with exit code 1 and prints one
   * line, containing {@code expected}; those that use only the other service are not asked.
   */
  private static void refusedEverywhere(Path kafka, Path cassandra, String expected)
      throws Exception {
    boolean kafkaIsWrong = !kafka.equals(KAFKA);
    List<List<String>> programs = new ArrayList<>();
    programs.add(
        java(
            Project.Jar.PIPELINE,
            "--bootstrapServers=" + SECURE_BROKER,
            "--kafkaConfig=" + kafka,
            "--cassandraConfig=" + cassandra,
            "--consumerGroup=" + StackResources.uniqueName("refused")));
    programs.add(
        java(
            Project.Jar.VIEW,
            "--port",
            "0",
            "--bootstrap-servers",
            SECURE_BROKER,
            "--kafka-config",
            kafka.toString(),
            "--cassandra-config",
            cassandra.toString()));
    if (kafkaIsWrong) {
      programs.add(
          java(
              Project.Jar.PRODUCER,
              "--bootstrap-servers",
              SECURE_BROKER,
              "--kafka-config",
              kafka.toString(),
              "--count",
              "1"));
      programs.add(
          query(
              "dead-letters",
              "--bootstrap-servers",
              SECURE_BROKER,
              "--kafka-config",
              kafka.toString()));
    } else {
      programs.add(query("count", "--cassandra-config", cassandra.toString(), "--name", "x"));
    }
    for (List<String> program : programs) {
      Run run = run("refused", program);
      String what = String.join(" ", program.subList(2, program.size()));
      assertEquals(1, run.exitCode, what + " said:\n" + run.output);
      List<String> lines = run.output.lines().filter(line -> !line.isBlank()).toList();
      assertEquals(1, lines.size(), what + " said:\n" + run.output);
      assertTrue(lines.get(0).contains(expected), what + " said: " + lines.get(0));
    }
  }

  private static long committed(StackResources stack, String group) {
    return stack.committedOffsets(group).values().stream().mapToLong(o -> o.offset()).sum();
  }

  /** The passwords of the stack's files, none of which may show anywhere. */
  private static List<String> secrets() throws IOException {
    List<String> secrets = new ArrayList<>();
    Matcher matcher =
        Pattern.compile("password ?= ?\"?([A-Za-z0-9]{16,})")
            .matcher(
                Files.readString(KAFKA)
                    + Files.readString(CASSANDRA)
                    + Files.readString(SECURE.resolve("cassandra-admin.conf"))
                    + Files.readString(SECURE.resolve("kafka-admin.properties")));
    while (matcher.find()) {
      secrets.add(matcher.group(1));
    }
    assertTrue(secrets.size() >= 5, "passwords found in the stack's files: " + secrets.size());
    return secrets;
  }

  private static void assertNoSecretIn(String text, String where) throws IOException {
    for (String secret : secrets()) {
      assertFalse(text.contains(secret), "a password shows in " + where);
    }
  }

  private static String processArguments() {
    StringBuilder all = new StringBuilder();
    ProcessHandle.allProcesses()
        .forEach(
            process ->
                process.info().arguments().ifPresent(args -> all.append(String.join(" ", args))));
    return all.toString();
  }

  private static String awaitViewUrl(Process view) throws Exception {
    Pattern url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && view.isAlive()) {
      Matcher matcher = url.matcher(Files.readString(WORK.resolve("view.log")));
      if (matcher.find()) {
        return matcher.group(1);
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "the view did not start: " + Files.readString(WORK.resolve("view.log")));
  }

  private static JsonNode getJson(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), url + ": " + response.body());
    return new ObjectMapper().readTree(response.body());
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void await(String what, Check check, PipelineProcess pipeline) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!check.holds()) {
      assertTrue(
          pipeline.isAlive(), "the pipeline ended before " + what + ": " + pipeline.tail(3000));
      assertTrue(
          System.nanoTime() < deadline, "timed out until " + what + ": " + pipeline.tail(3000));
      Thread.sleep(1000);
    }
  }

  private static List<String> java(Project.Jar jar, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-jar");
    command.add(jar.path().toString());
    command.addAll(List.of(args));
    return command;
  }

  private static List<String> query(String... args) {
    return java(Project.Jar.QUERY, args);
  }

  private record Run(int exitCode, String output) {}

  /** Runs {@code command} to its end (two minutes at most), its output also in NAME.log. */
  private static Run run(String name, List<String> command) throws Exception {
    return run(name, command, Duration.ofMinutes(2));
  }

  private static Run run(String name, List<String> command, Duration limit) throws Exception {
    Path log = WORK.resolve(name + ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(ROOT.toFile()) // the programs' defaults (data/netflix.csv) are the clone's
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " hung: " + Files.readString(log));
    }
    return new Run(process.exitValue(), Files.readString(log));
  }

  private static void write(String name, String text) throws IOException {
    Files.writeString(WORK.resolve(name), text);
    Files.setPosixFilePermissions(WORK.resolve(name), PosixFilePermissions.fromString("rw-------"));
  }

  private static void stack(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("bin/stack").toString());
    command.addAll(List.of(args));
    Run run = run("stack-" + args[0], command, Duration.ofMinutes(5));
    assertEquals(0, run.exitCode, String.join(" ", command) + ":\n" + run.output);
  }
}
