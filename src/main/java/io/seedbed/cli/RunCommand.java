package io.seedbed.cli;

import io.seedbed.feed.Feed;
import io.seedbed.io.Database;
import io.seedbed.io.DatabaseSinks;
import io.seedbed.io.FileFeedSources;
import io.seedbed.io.FolderRuleSources;
import io.seedbed.io.JsonLinesFiles;
import io.seedbed.io.JsonLinesSinks;
import io.seedbed.io.OutputTable;
import io.seedbed.io.Schema;
import io.seedbed.pipeline.ConfigBundle;
import io.seedbed.pipeline.JobClock;
import io.seedbed.pipeline.Pipeline;
import io.seedbed.pipeline.PipelineConfig;
import io.seedbed.pipeline.RuleSources;
import io.seedbed.pipeline.SeedbedSinks;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code seedbed run}: the streaming job on a local Flink (MiniCluster), reading a feeds folder and
 * writing PostgreSQL (the embedded one by default) and, with {@code --out}, JSON lines.
 */
public final class RunCommand {
  static final String USAGE = String.join("\n",
      "usage: seedbed run [--feeds DIR] [--config DIR] [--out DIR]",
      "                   [--jdbc-url URL --jdbc-user USER [--jdbc-password-env VAR]]",
      "                   [--parallelism N] [--follow] [--now INSTANT]",
      "  --feeds DIR          feeds folder (default samples/)",
      "  --config DIR         config folder (default config/)",
      "  --out DIR            also write every table as DIR/TABLE.jsonl",
      "  --jdbc-url URL       PostgreSQL to write to (default: embedded, data in ./.seedbed/)",
      "  --jdbc-user USER     its user",
      "  --jdbc-password-env VAR  the environment variable holding its password",
      "  --parallelism N      local parallelism (default 2)",
      "  --follow             keep watching the feed folders for new files, and the config",
      "                       folder for new or changed rule files (applied without a restart)",
      "  --now INSTANT        the job's clock for the future-date check (default: system clock)");

  private static final Set<String> OPTIONS = Set.of("feeds", "config", "out", "jdbc-url", "jdbc-user",
      "jdbc-password-env", "parallelism", "now", "state-dir");
  private static final Set<String> FLAGS = Set.of("follow");

  private RunCommand() {}

  public static int run(String[] argv, PrintStream out) throws Exception {
    Args args = Args.parse(argv, OPTIONS, FLAGS);
    Path feeds = Path.of(args.get("feeds", "samples"));
    Path configDir = Path.of(args.get("config", "config"));
    Path outDir = args.get("out", null) == null ? null : Path.of(args.get("out", null));
    Path stateDir = Path.of(args.get("state-dir", ".seedbed"));
    int parallelism = args.intValue("parallelism", 2);
    boolean follow = args.flag("follow");
    JobClock clock = args.get("now", null) == null
        ? JobClock.system() : JobClock.fixed(Instant.parse(args.get("now", null)));
    if (!Files.isDirectory(feeds)) {
      throw new Args.UsageException("feeds folder " + feeds + " does not exist");
    }

    ConfigBundle bundle = ConfigBundle.read(configDir);
    io.seedbed.pipeline.SeedbedConfig.load(configDir); // fails fast naming file, line and field
    PipelineConfig pipelineConfig = PipelineConfig.defaults(bundle, clock);

    EmbeddedDatabase embedded = null;
    Database db;
    if (args.get("jdbc-url", null) != null) {
      db = Database.fromEnv(args.get("jdbc-url", null), args.get("jdbc-user", null),
          args.get("jdbc-password-env", null));
    } else {
      Files.createDirectories(stateDir);
      out.println("Starting the embedded PostgreSQL (data in " + stateDir.resolve("pg") + ") ...");
      embedded = EmbeddedDatabase.start(stateDir);
      db = embedded.database();
    }
    try {
      try (Connection c = db.connect()) {
        Schema.apply(c, configDir.resolve("schema.sql"));
      }
      List<SeedbedSinks> sinks = new ArrayList<>();
      sinks.add(new DatabaseSinks(db));
      if (outDir != null) {
        JsonLinesFiles.reset(outDir, Pipeline.tables());
        sinks.add(new JsonLinesSinks(outDir));
      }

      Configuration conf = new Configuration();
      conf.setString("state.backend.type", "hashmap");
      if (follow) {
        conf.setString("execution.checkpointing.interval", "10s");
      }
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
      Pipeline.define(env, new FileFeedSources(feeds, follow, Duration.ofSeconds(5)),
          follow ? new FolderRuleSources(configDir, true, Duration.ofSeconds(5)) : RuleSources.none(),
          SeedbedSinks.all(sinks), pipelineConfig);

      long started = System.nanoTime();
      out.println("Running Seedbed on " + feeds + " (parallelism " + parallelism
          + (follow ? ", following new files; Ctrl-C stops" : "") + ") ...");
      JobClient job = env.executeAsync("Seedbed");
      Progress progress = new Progress(out);
      // A local job's MiniCluster shuts down with the job: poll the result, not the cluster.
      CompletableFuture<JobExecutionResult> done = job.getJobExecutionResult();
      while (!done.isDone()) {
        try {
          done.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException stillRunning) {
          try {
            progress.print(job.getAccumulators().get(2, TimeUnit.SECONDS));
          } catch (Exception notAvailable) {
            // before the job runs, or while it finishes
          }
        }
      }
      JobExecutionResult result = done.get();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

      if (outDir != null) {
        for (OutputTable<?> t : Pipeline.tables()) {
          JsonLinesFiles.compact(outDir, t);
        }
      }
      RunSummary.print(out, result.getAllAccumulatorResults(), elapsed, db, embedded, outDir);
      return 0;
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** One progress line per poll: records read per feed so far. */
  private static final class Progress {
    private final PrintStream out;
    private String last = "";

    Progress(PrintStream out) {
      this.out = out;
    }

    void print(Map<String, Object> acc) {
      StringBuilder sb = new StringBuilder("  read:");
      for (Feed f : Feed.DATA) {
        Object v = acc.get(io.seedbed.pipeline.DecodeFunction.RECORDS_PREFIX + f.id());
        sb.append(' ').append(f.id()).append(' ').append(v == null ? 0 : v);
      }
      String line = sb.toString();
      if (!line.equals(last)) {
        out.println(line);
        last = line;
      }
    }
  }
}
