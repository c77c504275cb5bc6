package io.seedbed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedbed.cli.generate.CityGenerator;
import io.seedbed.feed.Feed;
import io.seedbed.feed.Json;
import io.seedbed.io.Database;
import io.seedbed.io.OutputTable;
import io.seedbed.io.OutputTables;
import io.seedbed.testing.ChangeChains;
import io.seedbed.testing.CityReference;
import io.seedbed.testing.ProjectFiles;
import io.seedbed.testing.StandaloneCluster;
import io.seedbed.testing.StoppablePostgres;
import io.seedbed.testing.TableDump;
import io.seedbed.testing.TestKafka;
import io.seedbed.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, the production path with real parts: a standalone Flink cluster in separate JVMs, an
 * in-process Kafka, a real PostgreSQL with a password login; the shaded job jar submitted by
 * {@code jobs/submit} with a job file (streaming, parallelism 2, RocksDB, checkpoints every second).
 *
 * <p>A generated city's first 60 % of each feed is produced, the job runs until the tables are
 * quiet, stops with a savepoint ({@code flink stop --savepointPath}); the rest is produced, the
 * job resumes from the savepoint ({@code jobs/submit --savepoint}, i.e. {@code flink run -s}) and
 * its TaskManager JVM is killed once and replaced (issue 9). Then nothing may be lost (every
 * enterprise's indicators equal a from-scratch reference over all lines; rejected_record is exactly
 * the malformed lines) or doubled (no pool change twice, see {@link #DOUBLED}; every
 * enterprise/pool chain of changes is whole and ends at pool_membership), and the Kafka
 * pool-change topic carries every change id of PostgreSQL (plus, at most, changes of the attempt
 * the crash aborted, all sent before the kill).
 *
 * <p>Runs in Maven's integration-test phase (failsafe: *ClusterIT), after {@code package} has
 * built target/seedbed-*-job.jar.
 */
class EndToEndClusterIT {
  private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
  private static final String PASSWORD_ENV = "SEEDBED_E2E_DB_PASSWORD";
  private static final String PASSWORD = "e2e-Pa55-word";
  private static final String CHANGES_TOPIC = "seedbed.pool-changes";
  private static final Duration QUIET = Duration.ofSeconds(5);
  /**
   * The same (uscc, pool, from, to, event_time) more often than the walk came back (to -> from at
   * that event time) in between. Flapping at one event time (candidate -> exited -> candidate ->
   * exited, when several facts share a timestamp) legitimately repeats a transition; a repeat
   * without a way back is a doubled change.
   */
  private static final String DOUBLED = "WITH t AS (SELECT uscc, pool, from_status, to_status, "
      + "event_time, count(*) AS n FROM pool_change GROUP BY 1, 2, 3, 4, 5) "
      + "SELECT a.*, coalesce(b.n, 0) AS back FROM t a LEFT JOIN t b ON b.uscc = a.uscc "
      + "AND b.pool = a.pool AND b.event_time = a.event_time AND b.from_status = a.to_status "
      + "AND b.to_status IS NOT DISTINCT FROM a.from_status WHERE a.n > 1 AND coalesce(b.n, 0) < a.n - 1";

  @TempDir
  Path work;

  @Test
  void savepointUpgradeAndTaskManagerCrashLoseAndDoubleNothing() throws Exception {
    long t0 = System.nanoTime();
    Path jar = jobJar();
    Path city = work.resolve("city");
    new CityGenerator(100, YearMonth.of(2024, 1), YearMonth.of(2026, 6), 9).generate(city);
    Path firstPart = work.resolve("first");
    Map<Feed, List<String>> rest = split(city, firstPart, 0.6);

    try (StoppablePostgres pg = new StoppablePostgres(work, true);
         TestKafka kafka = TestKafka.start();
         StandaloneCluster cluster = StandaloneCluster.start()) {
      pg.start();
      Database db = jobDatabase(pg);
      for (Feed feed : Feed.DATA) {
        kafka.createTopic("seedbed." + feed.id(), 2);
      }
      kafka.createTopic(CHANGES_TOPIC, 2);
      Path jobFile = writeJobFile(cluster, kafka, db);
      long ready = System.nanoTime();

      // Phase 1: the first 60 % of every feed, then stop with a savepoint.
      for (Feed feed : Feed.DATA) {
        kafka.produceAll("seedbed." + feed.id(), CityReference.lines(firstPart, feed));
      }
      String first = submit(cluster, jar, jobFile, null);
      cluster.awaitJobStatus(first, "RUNNING", Duration.ofSeconds(60));
      awaitQuiet(db, CityReference.rejected(firstPart).size());
      // The job file's RocksDB settings (JobFile.ROCKSDB_OPTIONS, passed as flink run -D) reached
      // the TaskManager's RocksDB: every instance's own LOG lists its options.
      List<Path> rocksDbLogs = rocksDbLogs(cluster.home());
      assertThat(rocksDbLogs).as("RocksDB LOGs under %s", cluster.home()).isNotEmpty();
      for (Path log : rocksDbLogs) {
        assertThat(Files.readString(log, StandardCharsets.ISO_8859_1)).as(log.toString())
            .contains("filter_policy: bloomfilter")
            .contains("Options.compression[0]: NoCompression");
      }
      long phase1 = System.nanoTime();
      long changesBefore = TestPostgres.count(db, "pool_change");
      assertThat(changesBefore).as("pool changes in phase 1").isPositive();
      String savepoint = cluster.stopWithSavepoint(first, cluster.home().resolve("savepoints"));
      cluster.awaitJobStatus(first, "FINISHED", Duration.ofSeconds(60));

      // Phase 2: half the rest, resumed from the savepoint; the TaskManager JVM dies after a
      // checkpoint, the other half arrives while it is down, a new TaskManager takes over.
      for (Feed feed : Feed.DATA) {
        List<String> lines = rest.get(feed);
        kafka.produceAll("seedbed." + feed.id(), lines.subList(0, lines.size() / 2));
      }
      String second = submit(cluster, jar, jobFile, savepoint);
      cluster.awaitJobStatus(second, "RUNNING", Duration.ofSeconds(60));
      assertThat(cluster.rest("/jobs/" + second + "/checkpoints")
          .path("latest").path("restored").path("external_path").asText())
          .as("restored from the savepoint").isEqualTo(savepoint);
      awaitCompletedCheckpoint(cluster, second);
      java.time.Instant killedAt = java.time.Instant.now();
      cluster.killTaskManager();
      for (Feed feed : Feed.DATA) {
        List<String> lines = rest.get(feed);
        kafka.produceAll("seedbed." + feed.id(), lines.subList(lines.size() / 2, lines.size()));
      }
      cluster.startTaskManager();
      cluster.awaitJobStatus(second, "RUNNING", Duration.ofSeconds(90));
      List<String> rejected = CityReference.rejected(city);
      awaitQuiet(db, rejected.size());
      long phase2 = System.nanoTime();
      JsonNode job = cluster.rest("/jobs/" + second);
      assertThat(cluster.rest("/jobs/" + second + "/exceptions").path("exceptionHistory")
          .path("entries").size()).as("the TaskManager loss restarted the job").isPositive();

      // (a) nothing lost
      List<String> indicators = CityReference.indicatorRows(city);
      assertThat(indicators).hasSize(100);
      assertThat(TableDump.fromDatabase(db, OutputTables.INDICATOR_SNAPSHOT))
          .containsExactlyElementsOf(indicators);
      assertThat(rejectedRows(db)).containsExactlyElementsOf(rejected);
      // (b) nothing doubled
      assertThat(TestPostgres.query(db, DOUBLED)).as("pool changes written twice").isEmpty();
      List<String> breaks = ChangeChains.breaks(db);
      assertThat(breaks).as("broken chains (TaskManager killed at %s)%s", killedAt,
          explain(db, breaks)).isEmpty();
      assertThat(TestPostgres.count(db, "pool_change")).isGreaterThan(changesBefore);
      // The Kafka topic carries every change of the log (at least once: duplicates allowed). It may
      // carry more: the attempt the crash aborted sent changes that its replay, seeing the feeds
      // interleave differently, did not make again; PostgreSQL had not received them yet. Such
      // extra messages can only date from before the kill.
      Map<String, Long> fromKafka = new java.util.TreeMap<>();
      for (var r : kafka.consumeAll(CHANGES_TOPIC, Duration.ofSeconds(30))) {
        fromKafka.merge(Json.MAPPER.readTree(r.value()).path("change_id").asText(), r.timestamp(),
            Math::min);
      }
      Set<String> fromPostgres = TestPostgres.query(db, "SELECT change_id FROM pool_change").stream()
          .map(row -> (String) row.get("change_id")).collect(Collectors.toCollection(TreeSet::new));
      assertThat(fromKafka.keySet()).containsAll(fromPostgres);
      Map<String, Long> onlyInKafka = new java.util.TreeMap<>(fromKafka);
      onlyInKafka.keySet().removeAll(fromPostgres);
      assertThat(onlyInKafka.values()).as("changes only in Kafka, sent at (ms)")
          .allSatisfy(sentAt -> assertThat(sentAt).isLessThanOrEqualTo(killedAt.toEpochMilli()));

      System.out.printf("EndToEndClusterIT: setup %d s, phase 1 %d s, phase 2 (savepoint, restore,"
              + " TaskManager crash) %d s, total %d s; job %s %s; %d pool changes, %d rejected%n",
          secs(ready - t0), secs(phase1 - ready), secs(phase2 - phase1), secs(System.nanoTime() - t0),
          second, job.path("state").asText(), fromPostgres.size(), rejected.size());
      System.out.println("changes only in Kafka (from the aborted attempt): " + onlyInKafka.size());
    }
  }

  /** RocksDB's LOG files (in an instance's folder, or renamed after it in a log folder). */
  private static List<Path> rocksDbLogs(Path home) throws Exception {
    try (var files = Files.walk(home)) {
      return files.filter(f -> {
        String name = f.getFileName().toString();
        return name.equals("LOG") || name.endsWith("_LOG");
      }).toList();
    }
  }

  /** The shaded job jar that `package` built; failsafe runs this test after it. */
  private static Path jobJar() throws Exception {
    try (var files = Files.list(ProjectFiles.path("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("seedbed-.*-job\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException(
              "no target/seedbed-*-job.jar: run `mvn verify` (this test runs after package)"));
    }
  }

  /** Writes each feed's first {@code share} of lines into {@code dir}; returns the rest per feed. */
  private static Map<Feed, List<String>> split(Path city, Path dir, double share) throws Exception {
    Files.createDirectories(dir);
    Map<Feed, List<String>> rest = new java.util.EnumMap<>(Feed.class);
    for (Feed feed : Feed.DATA) {
      List<String> lines = CityReference.lines(city, feed);
      int cut = (int) Math.round(lines.size() * share);
      Files.write(dir.resolve(feed.id() + ".jsonl"), lines.subList(0, cut), StandardCharsets.UTF_8);
      rest.put(feed, new ArrayList<>(lines.subList(cut, lines.size())));
    }
    return rest;
  }

  /**
   * A database owned by a login role with a password, so the job's passwordEnv really matters:
   * the submitting client reads the variable and the job connects with it.
   */
  private static Database jobDatabase(StoppablePostgres pg) throws Exception {
    Database admin = pg.database(); // also creates the seedbed_writer/reader roles
    try (Connection c = admin.connect(); Statement st = c.createStatement()) {
      st.execute("CREATE ROLE seedbed_job LOGIN PASSWORD '" + PASSWORD + "' IN ROLE seedbed_writer");
      st.execute("CREATE DATABASE seedbed OWNER seedbed_job");
    }
    return new Database(admin.url.replace("/postgres", "/seedbed"), "seedbed_job", PASSWORD);
  }

  private static Path writeJobFile(StandaloneCluster cluster, TestKafka kafka, Database db)
      throws Exception {
    StringBuilder sources = new StringBuilder();
    for (Feed feed : Feed.DATA) {
      sources.append("  ").append(feed.id()).append(": {kafka: {topic: seedbed.")
          .append(feed.id()).append("}}\n");
    }
    String yaml = String.join("\n",
        "name: seedbed-e2e",
        "command: run",
        "mode: streaming",
        "parallelism: 2",
        "maxParallelism: 1024",
        "checkpointing:",
        "  interval: 1s",
        "  dir: " + cluster.home().resolve("checkpoints").toUri(),
        "  savepointDir: " + cluster.home().resolve("savepoints").toUri(),
        "stateBackend: rocksdb",
        "restartStrategy: {type: fixed-delay, attempts: 5, delay: 1s}",
        "watermarks: {tax: 45d, credit: 7d, energy: 3d, patent: 30d, registry: 7d}",
        "kafka:",
        "  bootstrapServers: " + kafka.bootstrapServers(),
        "  groupId: seedbed-e2e",
        "sources:",
        sources.toString(),
        "rules: {dir: " + ProjectFiles.path("config/rules") + "}",
        "config: " + ProjectFiles.path("config"),
        "sinks:",
        "  jdbc: {url: '" + db.url + "', user: " + db.user + ", passwordEnv: " + PASSWORD_ENV + "}",
        "  kafka:",
        "    poolChanges: {topic: " + CHANGES_TOPIC + ", delivery: at-least-once}",
        "");
    Path file = Files.createDirectories(cluster.home().resolve("jobs")).resolve("e2e.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  /**
   * {@code jobs/submit [--savepoint SP] JOB.yaml} against the test cluster (its classpath file
   * and conf folder), with the database password only in the submitting process's environment.
   */
  private static String submit(StandaloneCluster cluster, Path jar, Path jobFile, String savepoint)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", ProjectFiles.path("jobs/submit").toString()));
    if (savepoint != null) {
      cmd.addAll(List.of("--savepoint", savepoint));
    }
    cmd.add(jobFile.toString());
    Path out = cluster.home().resolve("log").resolve("submit-" + System.nanoTime() + ".out");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("SEEDBED_CLUSTER_CP", StandaloneCluster.classpathFile().toString());
    pb.environment().put("FLINK_CONF_DIR", cluster.home().resolve("conf").toString());
    pb.environment().put("SEEDBED_JOB_JAR", jar.toString());
    pb.environment().put(PASSWORD_ENV, PASSWORD);
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("jobs/submit timed out:\n" + Files.readString(out));
    }
    String output = Files.readString(out);
    Matcher m = JOB_ID.matcher(output);
    if (p.exitValue() != 0 || !m.find()) {
      throw new IllegalStateException("jobs/submit exit " + p.exitValue() + ":\n" + output);
    }
    return m.group(1);
  }

  /**
   * Waits until {@code rejected_record} holds {@code rejected} rows (every line has been read)
   * and then no table changes (rows or their content) for {@link #QUIET}.
   */
  private static void awaitQuiet(Database db, int rejected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    String last = null;
    long sameSince = System.nanoTime();
    while (true) {
      String now = fingerprint(db);
      long n = TestPostgres.count(db, "rejected_record");
      if (!now.equals(last)) {
        last = now;
        sameSince = System.nanoTime();
      } else if (n >= rejected && System.nanoTime() - sameSince > QUIET.toNanos()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("tables not quiet with " + rejected + " rejected rows; "
            + n + " rejected, last fingerprint " + now);
      }
      Thread.sleep(500);
    }
  }

  /** Every table's row count and a hash of its rows (including updated_at: upserts show). */
  private static String fingerprint(Database db) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (OutputTable<?> t : OutputTables.ALL) {
      Map<String, Object> row = TestPostgres.query(db, "SELECT count(*) AS n, "
          + "coalesce(sum(hashtext(x::text)::bigint), 0) AS h FROM " + t.name + " x").get(0);
      sb.append(t.name).append('=').append(row.get("n")).append('/').append(row.get("h")).append(' ');
    }
    return sb.toString();
  }

  private static void awaitCompletedCheckpoint(StandaloneCluster cluster, String jobId)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (cluster.rest("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asInt() < 1) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no checkpoint completed after the restore within 60 s");
      }
      Thread.sleep(200);
    }
  }

  private static List<String> rejectedRows(Database db) throws Exception {
    return TestPostgres.query(db, "SELECT feed, reason, raw FROM rejected_record").stream()
        .map(r -> r.get("feed") + " | " + r.get("reason") + " | " + r.get("raw"))
        .sorted().toList();
  }

  /** The rows behind each broken chain, with their wall-clock write times, for the failure message. */
  private static String explain(Database db, List<String> breaks) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String b : breaks) {
      String[] key = b.substring(0, b.indexOf(':')).split("/");
      String where = " WHERE uscc = '" + key[0] + "' AND pool = '" + key[1] + "'";
      sb.append("\n").append(b);
      for (Map<String, Object> r : TestPostgres.query(db, "SELECT from_status, to_status, reason, "
          + "event_time, recorded_at FROM pool_change" + where + " ORDER BY recorded_at")) {
        sb.append("\n  change ").append(r);
      }
      for (Map<String, Object> r : TestPostgres.query(db, "SELECT * FROM pool_membership" + where)) {
        sb.append("\n  membership ").append(r);
      }
    }
    return sb.toString();
  }

  private static long secs(long nanos) {
    return nanos / 1_000_000_000L;
  }
}
