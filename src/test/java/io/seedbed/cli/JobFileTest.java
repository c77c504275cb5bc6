package io.seedbed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.seedbed.config.ConfigException;
import io.seedbed.feed.Feed;
import io.seedbed.testing.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFileTest {
  @TempDir Path dir;

  /** A small valid streaming job; each error test breaks one line of it. Line numbers matter. */
  private static final String VALID = """
      name: t
      parallelism: 2
      maxParallelism: 128
      checkpointing:
        interval: 2s
        dir: file:///tmp/cp
      kafka:
        bootstrapServers: 127.0.0.1:9092
        groupId: g
      sources:
        tax: {kafka: {topic: seedbed.tax}}
        energy: {files: feeds/energy}
      rules:
        dir: rules
      config: config
      sinks:
        kafka:
          poolChanges: {topic: seedbed.pool-changes}
      """;

  @Test
  void theEngineJobFileImpliesItsFlinkConfigAndProgramArgs() {
    Path engine = ProjectFiles.dir().resolve("jobs/engine.yaml");
    JobFile job = JobFile.load(engine);

    assertThat(job.programArgs()).containsExactly("run", "--job", engine.toAbsolutePath().normalize().toString());
    assertThat(job.flinkConf()).containsExactly(
        entry("pipeline.name", "seedbed-engine"),
        entry("execution.runtime-mode", "STREAMING"),
        entry("parallelism.default", "2"),
        entry("pipeline.max-parallelism", "1024"),
        entry("state.backend.type", "rocksdb"),
        entry("state.backend.rocksdb.use-bloom-filter", "true"),
        entry("state.backend.rocksdb.compression.per.level", "NO_COMPRESSION"),
        entry("execution.checkpointing.interval", "60000ms"),
        entry("execution.checkpointing.dir", "file:///mnt/seedbed/checkpoints"),
        entry("execution.checkpointing.savepoint-dir", "file:///mnt/seedbed/savepoints"),
        entry("execution.checkpointing.incremental", "true"),
        entry("execution.checkpointing.snapshot-compression", "true"),
        entry("restart-strategy.type", "exponential-delay"),
        entry("restart-strategy.exponential-delay.initial-backoff", "1000ms"),
        entry("restart-strategy.exponential-delay.max-backoff", "120000ms"),
        entry("restart-strategy.exponential-delay.backoff-multiplier", "2.0"),
        entry("restart-strategy.exponential-delay.reset-backoff-threshold", "3600000ms"),
        entry("restart-strategy.exponential-delay.jitter-factor", "0.1"));
    assertThat(job.sources).containsOnlyKeys(Feed.DATA);
    assertThat(job.sources.get(Feed.PATENT)).isEqualTo(new JobFile.FeedInput(null, "seedbed.patent"));
    assertThat(job.watermarks).containsEntry(Feed.TAX, Duration.ofDays(45))
        .containsEntry(Feed.ENERGY, Duration.ofDays(3));
    assertThat(job.rulesDir).isEqualTo(ProjectFiles.dir().resolve("config/rules"));
    assertThat(job.rulesTopic).isEqualTo("seedbed.rules");
    assertThat(job.configDir).isEqualTo(ProjectFiles.dir().resolve("config"));
    assertThat(job.jdbc).isEqualTo(new JobFile.Jdbc("jdbc:postgresql://pg.internal:5432/seedbed",
        "seedbed", "SEEDBED_DB_PASSWORD"));
    assertThat(job.poolChanges).isEqualTo(new JobFile.TopicSink("seedbed.pool-changes", false, null));
    assertThat(job.kafka.groupId()).isEqualTo("seedbed-engine");
    assertThat(job.kafka.bounded()).isFalse();
    assertThat(job.kafka.clientProperties(Map.of("SEEDBED_KAFKA_JAAS", "jaas-line"))).containsExactly(
        entry("security.protocol", "SASL_SSL"), entry("sasl.mechanism", "SCRAM-SHA-512"),
        entry("sasl.jaas.config", "jaas-line"));
    assertThatThrownBy(() -> job.kafka.clientProperties(Map.of()))
        .hasMessage("environment variable SEEDBED_KAFKA_JAAS (for Kafka sasl.jaas.config) is not set");
  }

  @Test
  void theBacktestJobFileIsBatchWithoutCheckpointsAndReadsHistoryFiles() {
    JobFile job = JobFile.load(ProjectFiles.dir().resolve("jobs/backtest.yaml"));

    assertThat(job.mode).isEqualTo(JobFile.Mode.BATCH);
    assertThat(job.programArgs().subList(0, 2)).containsExactly("backtest", "--job");
    assertThat(job.checkpointing).isNull();
    assertThat(job.flinkConf()).containsEntry("execution.runtime-mode", "BATCH")
        .containsEntry("state.backend.type", "hashmap")
        .doesNotContainKey("state.backend.rocksdb.use-bloom-filter")
        .doesNotContainKey("state.backend.rocksdb.compression.per.level")
        .containsEntry("restart-strategy.type", "fixed-delay")
        .containsEntry("restart-strategy.fixed-delay.attempts", "3")
        .containsEntry("restart-strategy.fixed-delay.delay", "10000ms")
        .doesNotContainKey("execution.checkpointing.interval");
    assertThat(job.sources.get(Feed.TAX).filesDir()).isEqualTo(Path.of("/mnt/seedbed/history/tax"));
    assertThat(job.kafka.bounded()).isTrue();
    assertThat(job.poolChanges).isNull();
  }

  @Test
  void aSmallJobUsesDefaultsAndResolvesPathsAgainstItsFolder() throws Exception {
    JobFile job = JobFile.load(write(VALID));

    assertThat(job.stateBackend).isEqualTo("rocksdb");
    assertThat(job.checkpointing).isEqualTo(
        new JobFile.Checkpointing(Duration.ofSeconds(2), "file:///tmp/cp", null, true, null));
    assertThat(job.bufferTimeout).isNull();
    assertThat(job.flinkConf()).doesNotContainKeys("state.changelog.enabled",
        "execution.buffer-timeout.interval");
    assertThat(job.sources.get(Feed.ENERGY).filesDir()).isEqualTo(dir.resolve("feeds/energy"));
    assertThat(job.rulesDir).isEqualTo(dir.resolve("rules"));
    assertThat(job.rulesTopic).isNull();
    assertThat(job.jdbc).isNull();
    assertThat(job.flinkConf()).containsEntry("restart-strategy.exponential-delay.max-backoff", "60000ms");
  }

  /** The low-latency settings of jobs/engine.yaml's comments (docs/benchmarks.md, latency). */
  @Test
  void aLowLatencyJobLogsStateChangesAndFlushesBuffersSooner() throws Exception {
    JobFile job = JobFile.load(write(VALID
        .replace("  interval: 2s\n", "  interval: 200ms\n")
        .replace("  dir: file:///tmp/cp\n", "  dir: file:///tmp/cp\n"
            + "  changelog: {dir: file:///tmp/changelog, materializeEvery: 5min}\n"
            + "bufferTimeout: 10ms\n")));

    assertThat(job.checkpointing.changelog())
        .isEqualTo(new JobFile.Changelog("file:///tmp/changelog", Duration.ofMinutes(5)));
    assertThat(job.bufferTimeout).isEqualTo(Duration.ofMillis(10));
    assertThat(job.flinkConf())
        .containsEntry("execution.checkpointing.interval", "200ms")
        .containsEntry("state.changelog.enabled", "true")
        .containsEntry("state.changelog.storage", "filesystem")
        .containsEntry("state.changelog.dstl.dfs.base-path", "file:///tmp/changelog")
        .containsEntry("state.changelog.periodic-materialize.interval", "300000ms")
        .containsEntry("execution.buffer-timeout.interval", "10ms");
    String defaultMaterialization = VALID.replace("  dir: file:///tmp/cp\n",
        "  dir: file:///tmp/cp\n  changelog: {dir: file:///tmp/cl}\n");
    assertThat(JobFile.load(write(defaultMaterialization)).checkpointing.changelog().materializeEvery())
        .isEqualTo(Duration.ofMinutes(10));
    assertError(VALID.replace("  dir: file:///tmp/cp\n", "  dir: file:///tmp/cp\n  changelog: {dir: /tmp/cl}\n"),
        7, "checkpointing.changelog.dir", "must be a URI of storage every TaskManager reaches");
  }

  @Test
  void errorsNameTheFileTheLineAndTheField() throws Exception {
    assertError(VALID + "colour: green\n", 19, "colour", "unknown field 'colour'; allowed: name,");
    assertError(VALID.replace("parallelism: 2", "parallelism: 200"), 2, "parallelism",
        "200 is more than maxParallelism 128");
    assertError(VALID.replace("parallelism: 2", "parallelism: two"), 2, "parallelism",
        "expected an integer, found the text 'two'");
    assertError(VALID.replace("interval: 2s", "interval: often"), 5, "checkpointing.interval",
        "expected a duration like 500ms, 60s, 2min, 1h or 45d, found the text 'often'");
    assertError(VALID.replace("dir: file:///tmp/cp", "dir: /tmp/cp"), 6, "checkpointing.dir",
        "must be a URI of storage every TaskManager reaches");
    assertError(VALID.replace("tax: {kafka: {topic: seedbed.tax}}", "water: {kafka: {topic: w}}"), 11,
        "sources.water", "'water' is not a feed; expected one of tax, credit, energy, patent, registry");
    assertError(VALID.replace("{kafka: {topic: seedbed.tax}}", "{kafka: {topic: t}, files: x}"), 11,
        "sources.tax", "needs exactly one of files: DIR or kafka: {topic: ...}");
    assertError(VALID.replace("  groupId: g\n", "  groupId: g\n  properties:\n    ssl.key.password: hunter2\n"),
        11, "kafka.properties.ssl.key.password", "looks like a secret");
    assertError(VALID + "  jdbc:\n    url: jdbc:postgresql://db/s\n    user: u\n    password: hunter2\n",
        22, "sinks.jdbc.password", "secrets come from the environment");
    assertError(VALID + "  jdbc:\n    url: jdbc:mysql://db/s\n    user: u\n", 20, "sinks.jdbc.url",
        "must be a PostgreSQL URL");
    assertError(VALID.replace("poolChanges: {topic: seedbed.pool-changes}",
            "poolChanges: {topic: p, delivery: exactly-once}"), 18,
        "sinks.kafka.poolChanges.transactionalIdPrefix", "missing: exactly-once needs a prefix");
    assertError(VALID.replace("kafka:\n  bootstrapServers: 127.0.0.1:9092\n  groupId: g\n", ""), 1,
        "kafka", "missing: a source, rules or sink uses Kafka");
    assertError(VALID.replace("name: t\n", "name: t\nmode: batch\n"), 5, "checkpointing",
        "a batch job does not checkpoint");
    assertError(VALID.replace("checkpointing:\n  interval: 2s\n  dir: file:///tmp/cp\n", ""), 1,
        "checkpointing", "missing: a streaming job needs checkpointing");
    assertError(VALID.replace("maxParallelism: 128", "maxParallelism: 128\nparallelism: 3"), 4,
        "parallelism", "duplicate field");
    assertError(VALID.replace("config: config\n", ""), 1, "config", "missing");
  }

  @Test
  void aBatchJobMustReadKafkaBounded() throws Exception {
    String batch = VALID.replace("name: t\n", "name: t\nmode: batch\n")
        .replace("checkpointing:\n  interval: 2s\n  dir: file:///tmp/cp\n", "");
    assertError(batch, 5, "kafka.bounded", "a batch job reads Kafka only bounded");
    assertThat(JobFile.load(write(batch.replace("  groupId: g\n", "  groupId: g\n  bounded: true\n")))
        .flinkConf()).containsEntry("execution.runtime-mode", "BATCH");
  }

  @Test
  void brokenYamlNamesTheLine() throws Exception {
    assertThatThrownBy(() -> JobFile.load(write("name: t\nsources: [a\nrules: {}\n")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void printSubmitListsTheFlinkConfThenTheProgramArgs() throws Exception {
    Path job = write(VALID);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = JobFile.main(new String[] {"--print-submit", job.toString()}, print(out), print(err));

    assertThat(code).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).startsWith("conf\tpipeline.name=t", "conf\texecution.runtime-mode=STREAMING");
    assertThat(lines).endsWith("arg\trun", "arg\t--job", "arg\t" + job);
    assertThat(lines).hasSize(JobFile.load(job).flinkConf().size() + 3);

    Path broken = write(VALID.replace("parallelism: 2", "parallelism: 0"));
    assertThat(JobFile.main(new String[] {"--print-submit", broken.toString()}, print(out), print(err)))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("invalid job file: " + broken + ":2: field 'parallelism': must be between 1 and 32768, got 0\n");
  }

  private void assertError(String yaml, int line, String field, String problem) throws Exception {
    Path file = write(yaml);
    assertThatThrownBy(() -> JobFile.load(file))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.file()).isEqualTo(file.toString());
          assertThat(e.line()).isEqualTo(line);
          assertThat(e.field()).isEqualTo(field);
        })
        .hasMessageStartingWith(file + ":" + line + ": field '" + field + "': " + problem);
  }

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("job.yaml"), yaml);
  }

  private static PrintStream print(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
