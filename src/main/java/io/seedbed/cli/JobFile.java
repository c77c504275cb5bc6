package io.seedbed.cli;

import io.seedbed.feed.Feed;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  public record Checkpointing(Duration interval, String dir, String savepointDir,
      boolean incremental) {}

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

  private JobFile(Path file, JobYaml root) {
    this.file = file.toAbsolutePath().normalize();
    Path base = this.file.getParent();
    root.only("name", "command", "mode", "parallelism", "maxParallelism", "checkpointing",
        "stateBackend", "restartStrategy", "watermarks", "kafka", "sources", "rules", "config",
        "sinks");
    name = root.get("name").text();
    command = root.get("command").oneOf("run", "run", "backtest");
    mode = Mode.valueOf(root.get("mode").oneOf("streaming", "streaming", "batch").toUpperCase(Locale.ROOT));
    maxParallelism = root.get("maxParallelism").integer(1024, 1, 32768);
    JobYaml p = root.get("parallelism");
    parallelism = p.integer(1, 1, 32768);
    if (parallelism > maxParallelism) {
      throw p.error(parallelism + " is more than maxParallelism " + maxParallelism);
    }
    stateBackend = root.get("stateBackend").oneOf("rocksdb", "rocksdb", "hashmap");
    checkpointing = checkpointing(root.get("checkpointing"));
    restartStrategy = restartStrategy(root.get("restartStrategy"));
    watermarks = watermarks(root.get("watermarks"));
    sources = sources(root.get("sources"), base);

    JobYaml rules = root.get("rules").only("dir", "kafka");
    if (!rules.get("dir").present() && !rules.get("kafka").present()) {
      throw rules.error("needs dir, kafka, or both");
    }
    rulesDir = rules.get("dir").present() ? base.resolve(rules.get("dir").text()).normalize() : null;
    rulesTopic = rules.get("kafka").present() ? rules.get("kafka").only("topic").get("topic").text() : null;
    configDir = base.resolve(root.get("config").text()).normalize();

    JobYaml sinks = root.get("sinks").only("jdbc", "kafka");
    jdbc = jdbc(sinks.get("jdbc"));
    poolChanges = poolChanges(sinks.get("kafka"));
    if (jdbc == null && poolChanges == null) {
      throw sinks.error("needs jdbc, kafka, or both");
    }

    boolean usesKafka = rulesTopic != null || poolChanges != null
        || sources.values().stream().anyMatch(s -> s.kafkaTopic() != null);
    JobYaml k = root.get("kafka");
    if (usesKafka && !k.present()) {
      throw k.error("missing: a source, rules or sink uses Kafka");
    }
    kafka = k.present() ? kafka(k) : null;
    if (mode == Mode.BATCH && kafka != null && !kafka.bounded()
        && (rulesTopic != null || sources.values().stream().anyMatch(s -> s.kafkaTopic() != null))) {
      throw k.get("bounded").error("a batch job reads Kafka only bounded: set bounded: true");
    }
  }

  /** Reads and validates a job file. */
  public static JobFile load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new JobFileException(file.toString(), 0, "", "cannot read: " + e.getMessage());
    }
    return new JobFile(file, JobYaml.parse(file.toString(), text));
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
    if (checkpointing != null) {
      conf.put("execution.checkpointing.interval", millis(checkpointing.interval()));
      conf.put("execution.checkpointing.dir", checkpointing.dir());
      if (checkpointing.savepointDir() != null) {
        conf.put("execution.checkpointing.savepoint-dir", checkpointing.savepointDir());
      }
      conf.put("execution.checkpointing.incremental", Boolean.toString(checkpointing.incremental()));
    }
    conf.putAll(restartStrategy);
    return conf;
  }

  private Checkpointing checkpointing(JobYaml c) {
    if (mode == Mode.BATCH) {
      if (c.present()) {
        throw c.error("a batch job does not checkpoint; remove this block");
      }
      return null;
    }
    if (!c.present()) {
      throw c.error("missing: a streaming job needs checkpointing (interval, dir)");
    }
    c.only("interval", "dir", "savepointDir", "incremental");
    Duration interval = c.get("interval").duration();
    if (interval.toMillis() < 100) {
      throw c.get("interval").error("must be at least 100ms");
    }
    return new Checkpointing(interval, sharedUri(c.get("dir")),
        c.get("savepointDir").present() ? sharedUri(c.get("savepointDir")) : null,
        c.get("incremental").bool(true));
  }

  /** Checkpoints are written by every TaskManager: the folder is a URI of shared storage. */
  private static String sharedUri(JobYaml node) {
    String uri = node.text();
    if (!uri.matches("[a-z][a-z0-9+.-]*://.+")) {
      throw node.error("must be a URI of storage every TaskManager reaches, such as "
          + "file:///mnt/shared/checkpoints or s3://bucket/checkpoints, not '" + uri + "'");
    }
    return uri;
  }

  private static Map<String, String> restartStrategy(JobYaml r) {
    String type = r.get("type").oneOf("exponential-delay", "exponential-delay", "fixed-delay", "none");
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("restart-strategy.type", type);
    switch (type) {
      case "exponential-delay" -> {
        r.only("type", "initialBackoff", "maxBackoff", "backoffMultiplier", "resetBackoffThreshold",
            "jitterFactor", "attemptsBeforeReset");
        String prefix = "restart-strategy.exponential-delay.";
        Duration initial = r.get("initialBackoff").duration(Duration.ofSeconds(1));
        Duration max = r.get("maxBackoff").duration(Duration.ofMinutes(1));
        if (max.compareTo(initial) < 0) {
          throw r.get("maxBackoff").error("is shorter than initialBackoff");
        }
        conf.put(prefix + "initial-backoff", millis(initial));
        conf.put(prefix + "max-backoff", millis(max));
        conf.put(prefix + "backoff-multiplier",
            Double.toString(r.get("backoffMultiplier").number(2.0, 1.0, 100.0)));
        conf.put(prefix + "reset-backoff-threshold",
            millis(r.get("resetBackoffThreshold").duration(Duration.ofHours(1))));
        conf.put(prefix + "jitter-factor",
            Double.toString(r.get("jitterFactor").number(0.1, 0.0, 1.0)));
        if (r.get("attemptsBeforeReset").present()) {
          conf.put(prefix + "attempts-before-reset-backoff",
              Integer.toString(r.get("attemptsBeforeReset").integer(1, 1, Integer.MAX_VALUE)));
        }
      }
      case "fixed-delay" -> {
        r.only("type", "attempts", "delay");
        conf.put("restart-strategy.fixed-delay.attempts",
            Integer.toString(r.get("attempts").integer(3, 1, Integer.MAX_VALUE)));
        conf.put("restart-strategy.fixed-delay.delay",
            millis(r.get("delay").duration(Duration.ofSeconds(10))));
      }
      default -> r.only("type");
    }
    return conf;
  }

  private static Map<Feed, Duration> watermarks(JobYaml w) {
    Map<Feed, Duration> out = new EnumMap<>(Feed.class);
    for (String key : w.keys()) {
      out.put(dataFeed(w.get(key), key), w.get(key).duration());
    }
    return out;
  }

  private Map<Feed, FeedInput> sources(JobYaml s, Path base) {
    if (s.keys().isEmpty()) {
      throw s.error("missing: name at least one feed (" + feedIds() + ")");
    }
    Map<Feed, FeedInput> out = new EnumMap<>(Feed.class);
    for (String key : s.keys()) {
      JobYaml feed = s.get(key).only("files", "kafka");
      Feed f = dataFeed(feed, key);
      boolean files = feed.get("files").present();
      boolean topic = feed.get("kafka").present();
      if (files == topic) {
        throw feed.error("needs exactly one of files: DIR or kafka: {topic: ...}");
      }
      out.put(f, files
          ? new FeedInput(base.resolve(feed.get("files").text()).normalize(), null)
          : new FeedInput(null, feed.get("kafka").only("topic").get("topic").text()));
    }
    return out;
  }

  private static Kafka kafka(JobYaml k) {
    k.only("bootstrapServers", "groupId", "bounded", "properties", "propertiesFromEnv");
    JobYaml props = k.get("properties");
    for (String key : props.keys()) {
      if (SECRET_WORDS.stream().anyMatch(key.toLowerCase(Locale.ROOT)::contains)) {
        throw props.get(key).error("looks like a secret: name its environment variable in "
            + "kafka.propertiesFromEnv instead");
      }
    }
    JobYaml fromEnv = k.get("propertiesFromEnv");
    for (String key : fromEnv.keys()) {
      envName(fromEnv.get(key));
    }
    return new Kafka(k.get("bootstrapServers").text(), k.get("groupId").text(),
        k.get("bounded").bool(false), props.stringMap(), fromEnv.stringMap());
  }

  private static Jdbc jdbc(JobYaml j) {
    if (!j.present()) {
      return null;
    }
    if (j.get("password").present()) {
      throw j.get("password").error("secrets come from the environment: name the variable in "
          + "passwordEnv instead");
    }
    j.only("url", "user", "passwordEnv");
    JobYaml url = j.get("url");
    if (!url.text().startsWith("jdbc:postgresql://")) {
      throw url.error("must be a PostgreSQL URL (jdbc:postgresql://host:port/db), not '" + url.text() + "'");
    }
    return new Jdbc(url.text(), j.get("user").text(),
        j.get("passwordEnv").present() ? envName(j.get("passwordEnv")) : null);
  }

  private TopicSink poolChanges(JobYaml k) {
    if (!k.present()) {
      return null;
    }
    JobYaml pc = k.only("poolChanges").get("poolChanges");
    if (!pc.present()) {
      throw pc.error("missing");
    }
    pc.only("topic", "delivery", "transactionalIdPrefix");
    JobYaml delivery = pc.get("delivery");
    boolean exactlyOnce = delivery.oneOf("at-least-once", "at-least-once", "exactly-once")
        .equals("exactly-once");
    String prefix = pc.get("transactionalIdPrefix").text(null);
    if (exactlyOnce && prefix == null) {
      throw pc.get("transactionalIdPrefix").error("missing: exactly-once needs a prefix unique to this job");
    }
    if (exactlyOnce && mode == Mode.BATCH) {
      throw delivery.error("exactly-once commits on checkpoints, which a batch job does not take");
    }
    return new TopicSink(pc.get("topic").text(), exactlyOnce, prefix);
  }

  private static Feed dataFeed(JobYaml node, String id) {
    return Arrays.stream(Feed.DATA).filter(f -> f.id().equals(id)).findFirst()
        .orElseThrow(() -> node.error("'" + id + "' is not a feed; expected one of " + feedIds()));
  }

  private static String feedIds() {
    return String.join(", ", Arrays.stream(Feed.DATA).map(Feed::id).toList());
  }

  private static String envName(JobYaml node) {
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
    } catch (JobFileException e) {
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
