package io.seedbed.cli;

import io.seedbed.feed.Feed;
import io.seedbed.io.Database;
import io.seedbed.io.DatabaseSinks;
import io.seedbed.io.FileFeedSources;
import io.seedbed.io.JsonLinesFiles;
import io.seedbed.io.JsonLinesSinks;
import io.seedbed.io.FolderRuleSources;
import io.seedbed.io.KafkaFeedSources;
import io.seedbed.io.KafkaRuleSource;
import io.seedbed.io.KafkaPoolChangeSinks;
import io.seedbed.io.KafkaSinkOptions;
import io.seedbed.io.KafkaSourceOptions;
import io.seedbed.io.OutputTable;
import io.seedbed.io.OutputTables;
import io.seedbed.io.ResilientJdbcSink;
import io.seedbed.io.Schema;
import io.seedbed.pipeline.ConfigBundle;
import io.seedbed.pipeline.DecodeFunction;
import io.seedbed.pipeline.FeedSources;
import io.seedbed.pipeline.JobClock;
import io.seedbed.pipeline.PerFeedSources;
import io.seedbed.pipeline.Pipeline;
import io.seedbed.pipeline.PipelineConfig;
import io.seedbed.pipeline.RuleSources;
import io.seedbed.pipeline.SeedbedConfig;
import io.seedbed.pipeline.SeedbedSinks;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code seedbed run}: the streaming job. Locally (bin/seedbed) it runs on a MiniCluster over a
 * feeds folder, writing the embedded PostgreSQL by default; with {@code --job FILE} (what
 * {@code jobs/submit} passes through {@code flink run}) the job file says where the feeds, the
 * database and Kafka are, and the job is submitted to the cluster the client runs against.
 */
public final class RunCommand {
  static final String USAGE = String.join("\n",
      "usage: seedbed run [--feeds DIR] [--config DIR] [--out DIR]",
      "                   [--jdbc-url URL --jdbc-user USER",
      "                    [--jdbc-password-env VAR | --jdbc-password-file PATH]]",
      "                   [--parallelism N] [--follow] [--now INSTANT]",
      "       seedbed run --job JOB.yaml        (on a cluster: see jobs/ and jobs/submit)",
      "  --feeds DIR          feeds folder (default samples/)",
      "  --config DIR         config folder (default config/)",
      "  --out DIR            also write every table as DIR/TABLE.jsonl",
      "  --jdbc-url URL       PostgreSQL to write to (default: embedded, data in ./.seedbed/)",
      "  --jdbc-user USER     its user",
      "  --jdbc-password-env VAR  the environment variable holding its password",
      "  --jdbc-password-file PATH  a file whose first line is its password (e.g. a mounted secret)",
      "  --parallelism N      local parallelism (default 2)",
      "  --follow             keep watching the feed folders for new files, and the config",
      "                       folder for new or changed rule files (applied without a restart)",
      "  --now INSTANT        the job's clock for the future-date check (default: system clock)",
      "  --job FILE           a job file (jobs/engine.yaml): sources, sinks, checkpointing, state");

  private static final Set<String> OPTIONS = Set.of("feeds", "config", "out", "jdbc-url", "jdbc-user",
      "jdbc-password-env", "jdbc-password-file", "parallelism", "now", "state-dir", "job");
  private static final Set<String> FLAGS = Set.of("follow");

  private RunCommand() {}

  /** What one run reads, writes and runs with, from the options or a job file. */
  private static final class Setup {
    ConfigBundle bundle;
    Path configDir;
    FeedSources sources;
    RuleSources ruleSources = RuleSources.none();
    final List<SeedbedSinks> sinks = new ArrayList<>();
    Database db;
    EmbeddedDatabase embedded;
    Path outDir;
    Configuration flinkConf = new Configuration();
    Map<Feed, Duration> watermarks;
    JobClock clock = JobClock.system();
    String description;
  }

  public static int run(String[] argv, PrintStream out) throws Exception {
    Args args = Args.parse(argv, OPTIONS, FLAGS);
    Setup setup = args.get("job", null) != null ? fromJobFile(Path.of(args.get("job", null)), out)
        : fromOptions(args, out);
    try {
      try (Connection c = setup.db.connect()) {
        Schema.apply(c, setup.configDir.resolve("schema.sql")); // before the first write (stack.md G3)
      }
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(setup.flinkConf);
      PipelineConfig defaults = PipelineConfig.defaults(setup.bundle, setup.clock);
      PipelineConfig pipelineConfig = new PipelineConfig(setup.bundle, setup.clock,
          setup.flinkConf.getOptional(org.apache.flink.configuration.PipelineOptions.MAX_PARALLELISM)
              .orElse(defaults.maxParallelism),
          setup.watermarks != null ? setup.watermarks : defaults.outOfOrderness, defaults.idleness);
      Pipeline.define(env, setup.sources, setup.ruleSources, SeedbedSinks.all(setup.sinks),
          pipelineConfig);

      out.println("Running Seedbed: " + setup.description + " ...");
      long started = System.nanoTime();
      JobClient job = env.executeAsync();
      if (!(env instanceof LocalStreamEnvironment)) {
        out.println("Submitted job " + job.getJobID() + "; follow it in the Flink web UI or REST API.");
        return 0;
      }
      JobExecutionResult result = awaitWithProgress(job, out);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      if (setup.outDir != null) {
        for (OutputTable<?> t : OutputTables.ALL) {
          JsonLinesFiles.compact(setup.outDir, t);
        }
      }
      RunSummary.print(out, result.getAllAccumulatorResults(), elapsed, setup.db, setup.embedded,
          setup.outDir);
      return 0;
    } finally {
      if (setup.embedded != null) {
        setup.embedded.close();
      }
    }
  }

  /** The embedded default and its options: a feeds folder, the config folder, a database. */
  private static Setup fromOptions(Args args, PrintStream out) throws Exception {
    Setup s = new Setup();
    Path feeds = Path.of(args.get("feeds", "samples"));
    if (!Files.isDirectory(feeds)) {
      throw new Args.UsageException("feeds folder " + feeds + " does not exist");
    }
    s.configDir = Path.of(args.get("config", "config"));
    SeedbedConfig.load(s.configDir); // fails fast naming file, line and field
    s.bundle = ConfigBundle.read(s.configDir);
    boolean follow = args.flag("follow");
    int parallelism = args.intValue("parallelism", 2);
    if (args.get("now", null) != null) {
      s.clock = JobClock.fixed(Instant.parse(args.get("now", null)));
    }
    s.sources = new FileFeedSources(feeds, follow, Duration.ofSeconds(5));
    if (follow) {
      s.ruleSources = new FolderRuleSources(s.configDir, true, Duration.ofSeconds(5));
    }
    if (args.get("jdbc-url", null) != null) {
      if (args.get("jdbc-password-env", null) != null && args.get("jdbc-password-file", null) != null) {
        throw new Args.UsageException("give --jdbc-password-env or --jdbc-password-file, not both");
      }
      s.db = args.get("jdbc-password-file", null) != null
          ? Database.fromFile(args.get("jdbc-url", null), args.get("jdbc-user", null),
              Path.of(args.get("jdbc-password-file", null)))
          : Database.fromEnv(args.get("jdbc-url", null), args.get("jdbc-user", null),
              args.get("jdbc-password-env", null));
    } else {
      Path stateDir = Path.of(args.get("state-dir", ".seedbed"));
      Files.createDirectories(stateDir);
      out.println("Starting the embedded PostgreSQL (data in " + stateDir.resolve("pg") + ") ...");
      s.embedded = EmbeddedDatabase.start(stateDir);
      s.db = s.embedded.database();
    }
    // A following run streams with checkpoints: its rows are committed per checkpoint, so a replay
    // after a failure cannot mix its history with the failed attempt's (docs/reliability.md).
    s.sinks.add(new DatabaseSinks(s.db, ResilientJdbcSink.Settings.defaults(), follow));
    if (args.get("out", null) != null) {
      s.outDir = Path.of(args.get("out", null));
      JsonLinesFiles.reset(s.outDir, OutputTables.ALL);
      s.sinks.add(new JsonLinesSinks(s.outDir));
    }
    s.flinkConf.setString("state.backend.type", "hashmap");
    s.flinkConf.setString("parallelism.default", String.valueOf(parallelism));
    if (follow) {
      s.flinkConf.setString("execution.checkpointing.interval", "10s");
      s.flinkConf.setString("execution.checkpointing.snapshot-compression", "true");
    } else {
      // A bounded replay runs in BATCH mode: Flink sorts each enterprise's records by event time,
      // so the pool history does not depend on how the five feeds interleave (docs/time.md).
      s.flinkConf.setString("execution.runtime-mode", "BATCH");
    }
    s.description = feeds + " (local, parallelism " + parallelism
        + (follow ? ", following new files; Ctrl-C stops" : "") + ")";
    return s;
  }

  /** A job file: per-feed files or Kafka, PostgreSQL and Kafka sinks, checkpointing, state backend. */
  private static Setup fromJobFile(Path file, PrintStream out) {
    JobFile job = JobFile.load(file);
    Setup s = new Setup();
    s.configDir = job.configDir;
    SeedbedConfig.load(s.configDir);
    s.bundle = ConfigBundle.read(s.configDir);
    boolean streaming = job.mode == JobFile.Mode.STREAMING;
    Map<Feed, FeedSources> byFeed = new EnumMap<>(Feed.class);
    KafkaSourceOptions kafka = job.kafka == null ? null
        : KafkaSourceOptions.of(job.kafka.bootstrapServers(), job.kafka.groupId())
            .boundedToLatest(job.kafka.bounded())
            .withProperties(job.kafka.clientProperties(System.getenv()));
    job.sources.forEach((feed, input) -> {
      if (input.kafkaTopic() != null) {
        byFeed.put(feed, new KafkaFeedSources(kafka, Map.of(feed, input.kafkaTopic())));
      } else {
        byFeed.put(feed, new FileFeedSources(input.filesDir(), streaming, Duration.ofSeconds(10)));
      }
    });
    s.sources = new PerFeedSources(byFeed);
    if (job.rulesTopic != null) {
      String topic = job.rulesTopic;
      s.ruleSources = env -> KafkaRuleSource.stream(env, kafka, topic);
    } else if (streaming) {
      s.ruleSources = new FolderRuleSources(s.configDir, true, Duration.ofSeconds(10));
    }
    s.db = Database.fromEnv(job.jdbc.url(), job.jdbc.user(), job.jdbc.passwordEnv());
    s.sinks.add(new DatabaseSinks(s.db, ResilientJdbcSink.Settings.defaults(), streaming));
    if (job.poolChanges != null) {
      KafkaSinkOptions sinkOptions = (job.poolChanges.exactlyOnce()
          ? KafkaSinkOptions.exactlyOnce(job.kafka.bootstrapServers(), job.poolChanges.transactionalIdPrefix())
          : KafkaSinkOptions.atLeastOnce(job.kafka.bootstrapServers()))
          .withProperties(job.kafka.clientProperties(System.getenv()));
      s.sinks.add(new KafkaPoolChangeSinks(job.poolChanges.topic(), sinkOptions));
    }
    job.flinkConf().forEach(s.flinkConf::setString);
    s.watermarks = job.watermarks;
    s.description = "job " + job.name + " from " + file;
    return s;
  }

  /** Waits for a local job, printing records read per feed as they grow. */
  private static JobExecutionResult awaitWithProgress(JobClient job, PrintStream out) throws Exception {
    // A local job's MiniCluster shuts down with the job: poll the result, not the cluster.
    CompletableFuture<JobExecutionResult> done = job.getJobExecutionResult();
    String last = "";
    while (!done.isDone()) {
      try {
        done.get(2, TimeUnit.SECONDS);
      } catch (TimeoutException stillRunning) {
        try {
          Map<String, Object> acc = job.getAccumulators().get(2, TimeUnit.SECONDS);
          StringBuilder line = new StringBuilder("  read:");
          for (Feed f : Feed.DATA) {
            line.append(' ').append(f.id()).append(' ')
                .append(RunSummary.number(acc.get(DecodeFunction.RECORDS_PREFIX + f.id())));
          }
          if (!line.toString().equals(last)) {
            out.println(line);
            last = line.toString();
          }
        } catch (Exception notAvailable) {
          // before the job runs, or while it finishes
        }
      }
    }
    return done.get();
  }
}
