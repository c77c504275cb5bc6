package io.seedbed.cli;

import io.seedbed.config.ConfigException;
import io.seedbed.config.YamlNode;
import io.seedbed.feed.Feed;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A job file (jobs/engine.yaml, jobs/backtest.yaml): what an operator submits to a Flink cluster.
 * Loaded and validated at once, failing on the first problem with file, line and field. It implies
 * two things: the Flink configuration of the job ({@link #flinkConf()}) and the arguments of the
 * job jar's main ({@link #programArgs()}). The job jar's main runs in the submitting client, so
 * only the client reads this file and the config folder; TaskManagers get what they need inside
 * the job graph. Secrets never appear here, only the names of the environment variables that hold
 * them, which are read where the client runs.
 *
 * <p>Relative paths are resolved against the job file's folder.
 */
public final class JobFile {
  public enum Mode { STREAMING, BATCH }

  /** Where one feed comes from: a folder of JSON-lines files, or a Kafka topic. */
  public record FeedInput(Path filesDir, String kafkaTopic) {}

  /** The shared Kafka connection of the sources and sinks. */
  public record Kafka(String bootstrapServers, String groupId, boolean bounded,
      Map<String, String> properties, Map<String, String> propertiesFromEnv) {

    /** The client properties, secrets filled in from {@code env}; an unset variable is an error. */
    public Map<String, String> clientProperties(Map<String, String> env) {
      Map<String, String> all = new LinkedHashMap<>(properties);
      propertiesFromEnv.forEach((property, variable) -> {
        String value = env.get(variable);
        if (value == null) {
          throw new IllegalStateException("environment variable " + variable + " (for Kafka "
              + property + ") is not set");
        }
        all.put(property, value);
      });
      return all;
    }
  }

  /** {@code changelog} is null unless the job logs state changes (see {@link Changelog}). */
  public record Checkpointing(Duration interval, String dir, String savepointDir,
      boolean incremental, Changelog changelog) {}

  /**
   * Flink's changelog state backend: every state change is also appended to a log in {@code dir},
   * so a checkpoint uploads only the changes since the last one and takes tens of milliseconds
   * instead of a full snapshot; the state itself is written in the background every
   * {@code materializeEvery}. What makes sub-second checkpoint intervals, hence sub-second
   * visibility of the transactional PostgreSQL rows, affordable (docs/benchmarks.md).
   */
  public record Changelog(String dir, Duration materializeEvery) {}

  /** PostgreSQL; the password is read from the environment variable {@code passwordEnv}. */
  public record Jdbc(String url, String user, String passwordEnv) {}

  /** A Kafka topic that output rows go to. */
  public record TopicSink(String topic, boolean exactlyOnce, String transactionalIdPrefix) {}

  private static final List<String> SECRET_WORDS = List.of("password", "jaas", "secret", "token");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public final Path file;
  public final String name;
  /** The seedbed command the job jar runs: {@code run} or {@code backtest}. */
  public final String command;
  public final Mode mode;
  public final int parallelism;
  public final int maxParallelism;
  /** {@code rocksdb} or {@code hashmap}. */
  public final String stateBackend;
  /** Null in batch mode. */
  public final Checkpointing checkpointing;
  /** How long a network buffer may wait to fill before it is sent; null for Flink's 100 ms. */
  public final Duration bufferTimeout;
  /** The restart-strategy.* keys. */
  public final Map<String, String> restartStrategy;
  /** Bounded out-of-orderness per feed; a feed not listed uses the pipeline's default. */
  public final Map<Feed, Duration> watermarks;
  /** Null when nothing is read from or written to Kafka. */
  public final Kafka kafka;
  /** The feeds read; a feed not listed has no input. */
  public final Map<Feed, FeedInput> sources;
  /** Rule files from a folder, from a topic, or both (each may be null, not both). */
  public final Path rulesDir;
  public final String rulesTopic;
  public final Path configDir;
  /** Null when not writing PostgreSQL. */
  public final Jdbc jdbc;
  /** Null when pool changes are not written to Kafka. */
  public final TopicSink poolChanges;

  private JobFile(Path file, YamlNode root) {
    this.file = file.toAbsolutePath().normalize();
    Path base = this.file.getParent();
    root.allowOnly("name", "command", "mode", "parallelism", "maxParallelism", "checkpointing",
        "bufferTimeout", "stateBackend", "restartStrategy", "watermarks", "kafka", "sources", "rules", "config",
        "sinks");
    name = root.get("name").text();
    command = opt(root, "command", n -> n.oneOf("run", "backtest"), "run");
    mode = Mode.valueOf(opt(root, "mode", n -> n.oneOf("streaming", "batch"), "streaming")
        .toUpperCase(Locale.ROOT));
    maxParallelism = opt(root, "maxParallelism", n -> n.integer(1, 32768), 1024);
    parallelism = opt(root, "parallelism", n -> n.integer(1, 32768), 1);
    if (parallelism > maxParallelism) {
      throw root.get("parallelism").error(parallelism + " is more than maxParallelism " + maxParallelism);
    }
    stateBackend = opt(root, "stateBackend", n -> n.oneOf("rocksdb", "hashmap"), "rocksdb");
    checkpointing = checkpointing(root);
    bufferTimeout = opt(root, "bufferTimeout", YamlNode::duration, null);
    restartStrategy = restartStrategy(root.optMap("restartStrategy"));
    watermarks = watermarks(root.optMap("watermarks"));
    sources = sources(root, base);

    YamlNode rules = root.get("rules").allowOnly("dir", "kafka");
    if (!rules.has("dir") && !rules.has("kafka")) {
      throw root.errorAt("rules", "needs dir, kafka, or both");
    }
    rulesDir = opt(rules, "dir", n -> base.resolve(n.text()).normalize(), null);
    rulesTopic = opt(rules, "kafka", JobFile::topic, null);
    configDir = base.resolve(root.get("config").text()).normalize();

    YamlNode sinks = root.get("sinks").allowOnly("jdbc", "kafka");
    jdbc = opt(sinks, "jdbc", JobFile::jdbc, null);
    poolChanges = opt(sinks, "kafka", this::poolChanges, null);
    if (jdbc == null && poolChanges == null) {
      throw root.errorAt("sinks", "needs jdbc, kafka, or both");
    }

    boolean usesKafka = rulesTopic != null || poolChanges != null
        || sources.values().stream().anyMatch(s -> s.kafkaTopic() != null);
    if (usesKafka && !root.has("kafka")) {
      throw root.errorAt("kafka", "missing: a source, rules or sink uses Kafka");
    }
    kafka = opt(root, "kafka", JobFile::kafka, null);
    if (mode == Mode.BATCH && kafka != null && !kafka.bounded()
        && (rulesTopic != null || sources.values().stream().anyMatch(s -> s.kafkaTopic() != null))) {
      throw root.get("kafka").errorAt("bounded", "a batch job reads Kafka only bounded: set bounded: true");
    }
  }

  /** Reads and validates a job file. */
  public static JobFile load(Path file) {
    return new JobFile(file, YamlNode.parse(file));
  }

  /**
   * Seedbed's RocksDB settings, for every job on the rocksdb backend (and the benchmarks).
   *
   * <p>Bloom filters: every record looks up its enterprise's one value by key. Without them
   * RocksDB reads an index and a data block of every level-0 file and of every level to learn
   * that the key is not there; with them (10 bits a key, ~1.2 MB per million enterprises) it
   * skips those files.
   *
   * <p>No compression: RocksDB compresses every block it flushes or compacts and decompresses every
   * block it reads from a file; with every record rewriting its enterprise's value, Snappy cost
   * about a fifth of the JVM's CPU. The state is 1-2 KB per enterprise, so the local disk and the
   * incremental checkpoints it saves are small against the CPU. Both measured in
   * docs/benchmarks.md, "Session 7".
   */
  public static final Map<String, String> ROCKSDB_OPTIONS = rocksDbOptions();

  private static Map<String, String> rocksDbOptions() {
    Map<String, String> options = new LinkedHashMap<>(); // in this order in flink run's -D list
    options.put("state.backend.rocksdb.use-bloom-filter", "true");
    options.put("state.backend.rocksdb.compression.per.level", "NO_COMPRESSION");
    return Collections.unmodifiableMap(options);
  }

  /** The job jar's program arguments: the command and this file's absolute path. */
  public List<String> programArgs() {
    return List.of(command, "--job", file.toString());
  }

  /** The Flink configuration this job file implies, for {@code flink run -D} or the environment. */
  public Map<String, String> flinkConf() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("pipeline.name", name);
    conf.put("execution.runtime-mode", mode.name());
    conf.put("parallelism.default", Integer.toString(parallelism));
    conf.put("pipeline.max-parallelism", Integer.toString(maxParallelism));
    conf.put("state.backend.type", stateBackend);
    if (stateBackend.equals("rocksdb")) {
      conf.putAll(ROCKSDB_OPTIONS);
    }
    if (checkpointing != null) {
      conf.put("execution.checkpointing.interval", millis(checkpointing.interval()));
      conf.put("execution.checkpointing.dir", checkpointing.dir());
      if (checkpointing.savepointDir() != null) {
        conf.put("execution.checkpointing.savepoint-dir", checkpointing.savepointDir());
      }
      conf.put("execution.checkpointing.incremental", Boolean.toString(checkpointing.incremental()));
      // The ledgers are text and small numbers that compress well: checkpoints and savepoints of
      // the hashmap backend shrink several times for little CPU (docs/benchmarks.md).
      conf.put("execution.checkpointing.snapshot-compression", "true");
      if (checkpointing.changelog() != null) {
        conf.put("state.changelog.enabled", "true");
        conf.put("state.changelog.storage", "filesystem");
        conf.put("state.changelog.dstl.dfs.base-path", checkpointing.changelog().dir());
        conf.put("state.changelog.periodic-materialize.interval",
            millis(checkpointing.changelog().materializeEvery()));
      }
    }
    if (bufferTimeout != null) {
      conf.put("execution.buffer-timeout.interval", millis(bufferTimeout));
    }
    conf.putAll(restartStrategy);
    return conf;
  }

  private Checkpointing checkpointing(YamlNode root) {
    if (mode == Mode.BATCH) {
      if (root.has("checkpointing")) {
        throw root.errorAt("checkpointing", "a batch job does not checkpoint; remove this block");
      }
      return null;
    }
    if (!root.has("checkpointing")) {
      throw root.errorAt("checkpointing", "missing: a streaming job needs checkpointing (interval, dir)");
    }
    YamlNode c = root.get("checkpointing").allowOnly("interval", "dir", "savepointDir", "incremental",
        "changelog");
    Duration interval = c.get("interval").duration();
    if (interval.toMillis() < 100) {
      throw c.get("interval").error("must be at least 100ms");
    }
    return new Checkpointing(interval, sharedUri(c.get("dir")),
        opt(c, "savepointDir", JobFile::sharedUri, null), opt(c, "incremental", YamlNode::bool, true),
        opt(c, "changelog", JobFile::changelog, null));
  }

  private static Changelog changelog(YamlNode node) {
    YamlNode c = node.allowOnly("dir", "materializeEvery");
    return new Changelog(sharedUri(c.get("dir")),
        opt(c, "materializeEvery", YamlNode::duration, Duration.ofMinutes(10)));
  }

  /** Checkpoints are written by every TaskManager: the folder is a URI of shared storage. */
  private static String sharedUri(YamlNode node) {
    String uri = node.text();
    if (!uri.matches("[a-z][a-z0-9+.-]*://.+")) {
      throw node.error("must be a URI of storage every TaskManager reaches, such as "
          + "file:///mnt/shared/checkpoints or s3://bucket/checkpoints, not '" + uri + "'");
    }
    return uri;
  }

  private static Map<String, String> restartStrategy(YamlNode r) {
    String type = opt(r, "type", n -> n.oneOf("exponential-delay", "fixed-delay", "none"),
        "exponential-delay");
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("restart-strategy.type", type);
    switch (type) {
      case "exponential-delay" -> {
        r.allowOnly("type", "initialBackoff", "maxBackoff", "backoffMultiplier",
            "resetBackoffThreshold", "jitterFactor", "attemptsBeforeReset");
        String prefix = "restart-strategy.exponential-delay.";
        Duration initial = opt(r, "initialBackoff", YamlNode::duration, Duration.ofSeconds(1));
        Duration max = opt(r, "maxBackoff", YamlNode::duration, Duration.ofMinutes(1));
        if (max.compareTo(initial) < 0) {
          throw r.get("maxBackoff").error("is shorter than initialBackoff");
        }
        conf.put(prefix + "initial-backoff", millis(initial));
        conf.put(prefix + "max-backoff", millis(max));
        conf.put(prefix + "backoff-multiplier",
            Double.toString(opt(r, "backoffMultiplier", n -> n.number(1.0, 100.0), 2.0)));
        conf.put(prefix + "reset-backoff-threshold",
            millis(opt(r, "resetBackoffThreshold", YamlNode::duration, Duration.ofHours(1))));
        conf.put(prefix + "jitter-factor",
            Double.toString(opt(r, "jitterFactor", n -> n.number(0.0, 1.0), 0.1)));
        if (r.has("attemptsBeforeReset")) {
          conf.put(prefix + "attempts-before-reset-backoff",
              Integer.toString(r.get("attemptsBeforeReset").positiveInt()));
        }
      }
      case "fixed-delay" -> {
        r.allowOnly("type", "attempts", "delay");
        conf.put("restart-strategy.fixed-delay.attempts",
            Integer.toString(opt(r, "attempts", YamlNode::positiveInt, 3)));
        conf.put("restart-strategy.fixed-delay.delay",
            millis(opt(r, "delay", YamlNode::duration, Duration.ofSeconds(10))));
      }
      default -> r.allowOnly("type");
    }
    return conf;
  }

  private static Map<Feed, Duration> watermarks(YamlNode w) {
    Map<Feed, Duration> out = new EnumMap<>(Feed.class);
    w.entries().forEach((key, node) -> out.put(dataFeed(w, key), node.duration()));
    return out;
  }

  private static Map<Feed, FeedInput> sources(YamlNode root, Path base) {
    YamlNode s = root.optMap("sources");
    if (s.entries().isEmpty()) {
      throw root.errorAt("sources", "missing: name at least one feed (" + feedIds() + ")");
    }
    Map<Feed, FeedInput> out = new EnumMap<>(Feed.class);
    s.entries().forEach((key, node) -> {
      YamlNode feed = node.allowOnly("files", "kafka");
      Feed f = dataFeed(s, key);
      if (feed.has("files") == feed.has("kafka")) {
        throw s.errorAt(key, "needs exactly one of files: DIR or kafka: {topic: ...}");
      }
      out.put(f, feed.has("files")
          ? new FeedInput(base.resolve(feed.get("files").text()).normalize(), null)
          : new FeedInput(null, topic(feed.get("kafka"))));
    });
    return out;
  }

  /** {@code {topic: NAME}}: a Kafka topic read or written. */
  private static String topic(YamlNode kafka) {
    return kafka.allowOnly("topic").get("topic").text();
  }

  private static Kafka kafka(YamlNode k) {
    k.allowOnly("bootstrapServers", "groupId", "bounded", "properties", "propertiesFromEnv");
    Map<String, String> properties = new LinkedHashMap<>();
    k.optMap("properties").entries().forEach((key, node) -> {
      if (SECRET_WORDS.stream().anyMatch(key.toLowerCase(Locale.ROOT)::contains)) {
        throw node.error("looks like a secret: name its environment variable in "
            + "kafka.propertiesFromEnv instead");
      }
      properties.put(key, node.scalarText());
    });
    Map<String, String> fromEnv = new LinkedHashMap<>();
    k.optMap("propertiesFromEnv").entries().forEach((key, node) -> fromEnv.put(key, envName(node)));
    return new Kafka(k.get("bootstrapServers").text(), k.get("groupId").text(),
        opt(k, "bounded", YamlNode::bool, false), properties, fromEnv);
  }

  private static Jdbc jdbc(YamlNode j) {
    if (j.has("password")) {
      throw j.get("password").error("secrets come from the environment: name the variable in "
          + "passwordEnv instead");
    }
    j.allowOnly("url", "user", "passwordEnv");
    YamlNode url = j.get("url");
    if (!url.text().startsWith("jdbc:postgresql://")) {
      throw url.error("must be a PostgreSQL URL (jdbc:postgresql://host:port/db), not '" + url.text() + "'");
    }
    return new Jdbc(url.text(), j.get("user").text(), opt(j, "passwordEnv", JobFile::envName, null));
  }

  private TopicSink poolChanges(YamlNode k) {
    YamlNode pc = k.allowOnly("poolChanges").get("poolChanges")
        .allowOnly("topic", "delivery", "transactionalIdPrefix");
    boolean exactlyOnce = opt(pc, "delivery", n -> n.oneOf("at-least-once", "exactly-once"),
        "at-least-once").equals("exactly-once");
    String prefix = opt(pc, "transactionalIdPrefix", YamlNode::text, null);
    if (exactlyOnce && prefix == null) {
      throw pc.errorAt("transactionalIdPrefix", "missing: exactly-once needs a prefix unique to this job");
    }
    if (exactlyOnce && mode == Mode.BATCH) {
      throw pc.get("delivery").error("exactly-once commits on checkpoints, which a batch job does not take");
    }
    return new TopicSink(pc.get("topic").text(), exactlyOnce, prefix);
  }

  /** The optional field {@code key} of {@code map} read by {@code read}, or {@code fallback}. */
  private static <T> T opt(YamlNode map, String key, Function<YamlNode, T> read, T fallback) {
    YamlNode n = map.opt(key);
    return n == null ? fallback : read.apply(n);
  }

  /** The feed named by the field {@code id} of {@code map}. */
  private static Feed dataFeed(YamlNode map, String id) {
    return Arrays.stream(Feed.DATA).filter(f -> f.id().equals(id)).findFirst()
        .orElseThrow(() -> map.errorAt(id, "'" + id + "' is not a feed; expected one of " + feedIds()));
  }

  private static String feedIds() {
    return String.join(", ", Arrays.stream(Feed.DATA).map(Feed::id).toList());
  }

  private static String envName(YamlNode node) {
    String name = node.text();
    if (!ENV_NAME.matcher(name).matches()) {
      throw node.error("must name an environment variable, not '" + name + "'");
    }
    return name;
  }

  private static String millis(Duration d) {
    return d.toMillis() + "ms";
  }

  /**
   * {@code JobFile --print-submit JOB.yaml}: what jobs/submit needs, one item a line, tab
   * separated: {@code conf<TAB>key=value} for each Flink setting, then {@code arg<TAB>value} for
   * each program argument. {@code JobFile --check JOB.yaml} only validates. Exit code 1 with the
   * file, line and field on stderr when the file is invalid.
   */
  public static void main(String[] args) {
    System.exit(main(args, System.out, System.err));
  }

  static int main(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2 || !List.of("--print-submit", "--check").contains(args[0])) {
      err.println("usage: JobFile --print-submit|--check JOB.yaml");
      return 2;
    }
    JobFile job;
    try {
      job = load(Path.of(args[1]));
    } catch (ConfigException e) {
      err.println("invalid job file: " + e.getMessage());
      return 1;
    }
    if (args[0].equals("--print-submit")) {
      List<String> lines = new ArrayList<>();
      job.flinkConf().forEach((k, v) -> lines.add("conf\t" + k + "=" + v));
      job.programArgs().forEach(a -> lines.add("arg\t" + a));
      lines.forEach(out::println);
    } else {
      out.println(job.file + ": valid");
    }
    return 0;
  }
}
