package io.seedbed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedbed.feed.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink standalone session cluster in separate JVMs, built from the Flink jars on Maven Central
 * (cluster/pom.xml; no flink-dist): one JobManager and one TaskManager with two slots, RocksDB,
 * loopback only. Jobs go in through Flink's own CLI front end, as an operator's {@code flink run}
 * would (stack.md §3.3). Everything lives under {@code target/cluster-N/}: conf, log, checkpoints.
 */
public final class StandaloneCluster implements AutoCloseable {
  public static final String FLINK_VERSION = "2.2.1";
  private static final String HOST = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  /** Slots of the one TaskManager (the class comment's "two slots"). */
  private static final int SLOTS = 2;
  private static final Duration CLI_TIMEOUT = Duration.ofSeconds(120);

  /** What flink-dist's config.yaml passes in env.java.opts.all for Java 17; the scripts do not. */
  private static final List<String> JAVA17_OPENS = List.of(
      "-XX:+IgnoreUnrecognizedVMOptions",
      "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
      "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.text=ALL-UNNAMED",
      "--add-opens=java.base/java.time=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
  private static final Pattern SAVEPOINT = Pattern.compile("Savepoint completed\\. Path: (\\S+)");

  private final Path home;
  private final Path conf;
  private final Path log;
  private final String classpath;
  private final int restPort;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private Process jobManager;
  private Process taskManager;
  private int taskManagerStarts;
  private int cliCalls;

  private StandaloneCluster(Path home, String classpath, int restPort) {
    this.home = home;
    this.conf = home.resolve("conf");
    this.log = home.resolve("log");
    this.classpath = classpath;
    this.restPort = restPort;
  }

  /** Starts a JobManager and a TaskManager and returns once the REST API reports the TaskManager. */
  public static StandaloneCluster start() throws Exception {
    Path target = ProjectFiles.dir().resolve("target");
    Path home = Files.createTempDirectory(Files.createDirectories(target), "cluster-");
    int rpcPort = freePort();
    int restPort = freePort();
    StandaloneCluster cluster = new StandaloneCluster(home, classpath(target), restPort);
    try {
      cluster.writeConf(rpcPort);
      cluster.jobManager = cluster.launch("jobmanager", "GET_JM_RESOURCE_PARAMS",
          "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint");
      cluster.startTaskManager();
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  public String restAddress() {
    return HOST + ":" + restPort;
  }

  public Path home() {
    return home;
  }

  /** The classpath file of the cluster's jars (for tests that run {@code jobs/submit}). */
  public static Path classpathFile() {
    return ProjectFiles.dir().resolve("target").resolve("cluster-classpath-" + FLINK_VERSION + ".txt");
  }

  // --- jobs, through the CLI ---------------------------------------------------------------------

  /** {@code flink run -d jobJar programArgs...}; returns the job id. */
  public String submit(Path jobJar, String... programArgs) throws Exception {
    return submit(List.of(), jobJar, programArgs);
  }

  /**
   * {@code flink run -d cliOptions... jobJar programArgs...}, e.g. with {@code -D key=value}
   * options as jobs/submit passes them; returns the job id.
   */
  public String submit(List<String> cliOptions, Path jobJar, String... programArgs) throws Exception {
    List<String> args = new ArrayList<>(List.of("run", "-d"));
    args.addAll(cliOptions);
    args.add(jobJar.toString());
    args.addAll(Arrays.asList(programArgs));
    return match(JOB_ID, cli(args), "job id");
  }

  /** {@code flink run -d -s savepoint jobJar programArgs...}; returns the new job id. */
  public String submitFromSavepoint(String savepoint, Path jobJar, String... programArgs)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("run", "-d", "-s", savepoint, jobJar.toString()));
    args.addAll(Arrays.asList(programArgs));
    return match(JOB_ID, cli(args), "job id");
  }

  /** {@code flink stop --savepointPath dir jobId}; returns the savepoint path. */
  public String stopWithSavepoint(String jobId, Path dir) throws Exception {
    return match(SAVEPOINT, cli(List.of("stop", "--savepointPath", dir.toUri().toString(), jobId)),
        "savepoint path");
  }

  /** The job's state from REST, e.g. RUNNING, FINISHED, FAILED. */
  public String jobStatus(String jobId) throws Exception {
    return rest("/jobs/" + jobId).path("state").asText();
  }

  /** Waits until the job reaches {@code state}; fails early if it reaches another terminal state. */
  public void awaitJobStatus(String jobId, String state, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String now = jobStatus(jobId);
    while (!now.equals(state)) {
      if (List.of("FINISHED", "FAILED", "CANCELED").contains(now) || System.nanoTime() > deadline) {
        throw failure("job " + jobId + " is " + now + ", expected " + state);
      }
      Thread.sleep(200);
      now = jobStatus(jobId);
    }
  }

  /** GET on the REST API, as JSON. */
  public JsonNode rest(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://" + restAddress() + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " -> " + response.statusCode() + ": " + response.body());
    }
    return Json.MAPPER.readTree(response.body());
  }

  /** Waits until {@code /overview} satisfies {@code test}, e.g. a given number of TaskManagers. */
  public JsonNode awaitOverview(Predicate<JsonNode> test, String what, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      assertAlive(jobManager, "JobManager");
      try {
        last = rest("/overview");
        if (test.test(last)) {
          return last;
        }
      } catch (IOException notYetUp) {
        // the REST endpoint opens a few seconds after the JVM starts
      }
      Thread.sleep(200);
    }
    throw failure("cluster did not reach: " + what + " within " + timeout + "; last /overview " + last);
  }

  // --- processes ---------------------------------------------------------------------------------

  /** Kills the TaskManager JVM at once (SIGKILL), as a crashed machine would. */
  public void killTaskManager() throws InterruptedException {
    if (taskManager != null) {
      taskManager.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      taskManager = null;
    }
  }

  /** Starts a TaskManager JVM (a new one after a kill) and waits until it has registered. */
  public void startTaskManager() throws Exception {
    if (taskManager != null) {
      throw new IllegalStateException("a TaskManager is already running");
    }
    taskManagerStarts++;
    taskManager = launch("taskmanager-" + taskManagerStarts, "GET_TM_RESOURCE_PARAMS",
        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
    // Registered is not ready: a TaskManager reports its slots after it registers, and a new one
    // once showed as 1 TaskManager with 0 slots in the overview (StandaloneClusterIT).
    awaitOverview(o -> o.path("taskmanagers").asInt() == 1 && o.path("slots-total").asInt() == SLOTS,
        "1 TaskManager with " + SLOTS + " slots", START_TIMEOUT);
  }

  @Override
  public void close() {
    for (Process p : new Process[] {taskManager, jobManager}) {
      if (p != null) {
        p.destroy();
      }
    }
    for (Process p : new Process[] {taskManager, jobManager}) {
      if (p != null) {
        try {
          if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
    taskManager = null;
    jobManager = null;
  }

  private Process launch(String name, String resourceParams, String mainClass) throws Exception {
    // What bin/config.sh does: derive the JVM memory flags and -D settings from config.yaml (G8).
    List<String> params = run(List.of(java(), "-cp", classpath,
        "org.apache.flink.runtime.util.bash.BashJavaUtils", resourceParams, "--configDir",
        conf.toString()), log.resolve(name + "-resources.out")).lines()
        .filter(l -> l.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:"))
        .map(l -> l.substring("BASH_JAVA_UTILS_EXEC_RESULT:".length())).toList();
    if (params.size() != 2) {
      throw failure("BashJavaUtils " + resourceParams + " gave " + params);
    }
    List<String> cmd = new ArrayList<>(List.of(java()));
    cmd.addAll(Arrays.asList(params.get(0).trim().split("\\s+")));
    cmd.addAll(JAVA17_OPENS);
    cmd.addAll(List.of("-Dlog.file=" + log.resolve(name + ".log"),
        "-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri(),
        "-cp", classpath, mainClass, "--configDir", conf.toString()));
    cmd.addAll(Arrays.asList(params.get(1).trim().split("\\s+")));
    return new ProcessBuilder(cmd).directory(home.toFile())
        .redirectErrorStream(true).redirectOutput(log.resolve(name + ".out").toFile()).start();
  }

  private String cli(List<String> args) throws Exception {
    int n = ++cliCalls;
    List<String> cmd = new ArrayList<>(List.of(java()));
    cmd.addAll(JAVA17_OPENS);
    cmd.addAll(List.of("-Dlog.file=" + log.resolve("client-" + n + ".log"),
        "-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri(),
        "-cp", classpath, "org.apache.flink.client.cli.CliFrontend"));
    cmd.addAll(args);
    return run(cmd, log.resolve("client-" + n + ".out"));
  }

  /** Runs a short-lived process to completion; its output goes to {@code out} and is returned. */
  private String run(List<String> cmd, Path out) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
        .redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("FLINK_CONF_DIR", conf.toString());
    Process p = pb.start();
    if (!p.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw failure("timed out after " + CLI_TIMEOUT + ": " + String.join(" ", args(cmd)));
    }
    String output = Files.readString(out);
    if (p.exitValue() != 0) {
      throw failure("exit " + p.exitValue() + " from " + String.join(" ", args(cmd)) + ":\n" + tail(output, 40));
    }
    return output;
  }

  private void writeConf(int rpcPort) throws IOException {
    Files.createDirectories(conf);
    Files.createDirectories(log);
    Path tmp = Files.createDirectories(home.resolve("tmp"));
    Files.writeString(conf.resolve("config.yaml"), String.join("\n",
        "# written by StandaloneCluster for one test class; stack.md §3.3",
        "jobmanager.rpc.address: " + HOST,
        "jobmanager.rpc.port: " + rpcPort,
        "jobmanager.bind-host: " + HOST,
        "jobmanager.memory.process.size: 1024m",
        "taskmanager.host: " + HOST,
        "taskmanager.bind-host: " + HOST,
        "taskmanager.numberOfTaskSlots: " + SLOTS,
        "taskmanager.memory.process.size: 1728m",
        "rest.address: " + HOST,
        "rest.bind-address: " + HOST,
        "rest.port: " + restPort,
        "blob.server.port: 0",
        "parallelism.default: 2",
        "state.backend.type: rocksdb",
        "execution.checkpointing.interval: 2s",
        "execution.checkpointing.incremental: true",
        "execution.checkpointing.dir: " + home.resolve("checkpoints").toUri(),
        "execution.checkpointing.savepoint-dir: " + home.resolve("savepoints").toUri(),
        // short RocksDB paths (G11) and no temp files outside target/
        "state.backend.rocksdb.localdir: " + tmp.resolve("rocksdb"),
        "io.tmp.dirs: " + tmp,
        "web.tmpdir: " + tmp.resolve("web"),
        // a killed TaskManager is noticed in seconds, not after the 50 s default
        "heartbeat.interval: 1000",
        "heartbeat.timeout: 5000",
        // tests must fail, not retry forever
        "restart-strategy.type: fixed-delay",
        "restart-strategy.fixed-delay.attempts: 3",
        "restart-strategy.fixed-delay.delay: 1s",
        ""));
    Files.writeString(conf.resolve("log4j.properties"), String.join("\n",
        "rootLogger.level = INFO",
        "rootLogger.appenderRef.file.ref = MainAppender",
        "appender.main.name = MainAppender",
        "appender.main.type = File",
        "appender.main.fileName = ${sys:log.file}",
        "appender.main.layout.type = PatternLayout",
        "appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
        ""));
  }

  /**
   * The cluster's classpath, resolved by Maven from cluster/pom.xml once and cached in target/.
   * Offline first (the usual case once the jars are in the local repository), online otherwise.
   */
  static synchronized String classpath(Path target) throws Exception {
    Path pom = ProjectFiles.dir().resolve("cluster").resolve("pom.xml");
    Path file = classpathFile();
    if (!Files.exists(file) || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(pom)) < 0) {
      Files.createDirectories(target);
      Path out = target.resolve("cluster-classpath.log");
      List<String> mvn = List.of("mvn", "-B", "-ntp", "-q", "-f", pom.toString(),
          "dependency:build-classpath", "-Dmdep.outputFile=" + file);
      List<String> offline = new ArrayList<>(mvn);
      offline.add(1, "-o");
      if (exec(offline, out) != 0 && exec(mvn, out) != 0) {
        throw new IllegalStateException("could not resolve cluster/pom.xml:\n" + tail(Files.readString(out), 30));
      }
    }
    return Files.readString(file).trim();
  }

  private static int exec(List<String> cmd, Path out) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  private IllegalStateException failure(String message) {
    return new IllegalStateException(message + "\n--- JobManager log (tail) ---\n"
        + tailOf(log.resolve("jobmanager.log")) + "\n--- TaskManager log (tail) ---\n"
        + tailOf(log.resolve("taskmanager-" + taskManagerStarts + ".log")));
  }

  private void assertAlive(Process p, String name) {
    if (p != null && !p.isAlive()) {
      throw failure(name + " exited with code " + p.exitValue());
    }
  }

  private static String match(Pattern pattern, String output, String what) {
    Matcher m = pattern.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("no " + what + " in CLI output:\n" + tail(output, 40));
    }
    return m.group(1);
  }

  private static List<String> args(List<String> cmd) {
    int main = cmd.indexOf("org.apache.flink.client.cli.CliFrontend");
    return main >= 0 ? cmd.subList(main, cmd.size()) : cmd.subList(Math.max(0, cmd.size() - 4), cmd.size());
  }

  private static String tailOf(Path file) {
    try {
      return Files.exists(file) ? tail(Files.readString(file, StandardCharsets.UTF_8), 40) : "(no " + file + ")";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }
}
