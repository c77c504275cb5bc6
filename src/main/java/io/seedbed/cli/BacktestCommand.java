package io.seedbed.cli;

import io.seedbed.backtest.BacktestDiff;
import io.seedbed.backtest.BacktestReport;
import io.seedbed.backtest.Diff;
import io.seedbed.backtest.IndicatorDistricts;
import io.seedbed.backtest.PoolChangeLog;
import io.seedbed.io.FileFeedSources;
import io.seedbed.io.JsonLinesFiles;
import io.seedbed.io.JsonLinesSinks;
import io.seedbed.io.OutputTable;
import io.seedbed.io.OutputTables;
import io.seedbed.pipeline.ConfigBundle;
import io.seedbed.pipeline.JobClock;
import io.seedbed.pipeline.Pipeline;
import io.seedbed.pipeline.PipelineConfig;
import io.seedbed.pipeline.RuleSources;
import io.seedbed.pipeline.SeedbedConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code seedbed backtest}: runs the pipeline over the same feeds twice, with the baseline config
 * and with the candidate rules, in BATCH execution mode with the same fixed clock, writing JSON
 * lines to OUT/baseline and OUT/candidate; then compares their pool changes (diff.json,
 * report.html and a console summary).
 */
public final class BacktestCommand {
  static final String USAGE = String.join("\n",
      "usage: seedbed backtest --feeds DIR --rules NEW_DIR [--baseline DIR] --out DIR",
      "                        [--now INSTANT] [--parallelism N]",
      "  --feeds DIR       feeds folder to replay",
      "  --rules NEW_DIR   the candidate: a full config folder (it has a rules/ folder), or a folder",
      "                    of rule files laid over the baseline's rules/ (same name replaces)",
      "  --baseline DIR    the config in force (default config/)",
      "  --out DIR         OUT/baseline, OUT/candidate (every table as JSON lines), diff.json,",
      "                    report.html",
      "  --now INSTANT     the clock of both runs for the future-date check (default: now)",
      "  --parallelism N   local parallelism (default 2)");

  private static final Set<String> OPTIONS = Set.of("feeds", "rules", "baseline", "out", "now",
      "parallelism");

  private BacktestCommand() {}

  public static int run(String[] argv, PrintStream out) throws Exception {
    Args args = Args.parse(argv, OPTIONS, Set.of());
    Path feeds = Path.of(args.require("feeds"));
    Path rules = Path.of(args.require("rules"));
    Path baselineDir = Path.of(args.get("baseline", "config"));
    Path outDir = Path.of(args.require("out"));
    int parallelism = args.intValue("parallelism", 2);
    // One clock for both runs, so the future-date check rejects the same records in each.
    JobClock clock = JobClock.fixed(args.get("now", null) == null
        ? Instant.now() : Instant.parse(args.get("now", null)));
    if (!Files.isDirectory(feeds)) {
      throw new Args.UsageException("feeds folder " + feeds + " does not exist");
    }
    if (!Files.isDirectory(rules)) {
      throw new Args.UsageException("rules folder " + rules + " does not exist");
    }
    ConfigBundle baseline = ConfigBundle.read(baselineDir);
    ConfigBundle candidate = candidate(baseline, baselineDir, rules);
    SeedbedConfig.parse(baseline); // both fail fast naming file, line and field
    SeedbedConfig.parse(candidate);

    Diff diff = compare(feeds, baseline, candidate, clock, parallelism, outDir, out);
    BacktestReport.writeJson(diff, outDir.resolve("diff.json"));
    BacktestReport.writeHtml(diff, outDir.resolve("report.html"));
    BacktestReport.writeText(diff, out);
    out.println("report: " + outDir.resolve("report.html"));
    return 0;
  }

  /** Runs both configs over {@code feeds} and compares their pool changes. */
  public static Diff compare(Path feeds, ConfigBundle baseline, ConfigBundle candidate,
      JobClock clock, int parallelism, Path outDir, PrintStream out) throws Exception {
    Path base = outDir.resolve("baseline");
    Path cand = outDir.resolve("candidate");
    out.println("backtest: baseline run (" + baseline.displayName("") + ") ...");
    runBatch(feeds, baseline, clock, parallelism, base);
    out.println("backtest: candidate run (" + candidate.displayName("") + ") ...");
    runBatch(feeds, candidate, clock, parallelism, cand);
    Map<String, String> districts = IndicatorDistricts.read(cand.resolve("indicator_snapshot.jsonl"));
    return BacktestDiff.compare(PoolChangeLog.read(base.resolve("pool_change.jsonl")),
        PoolChangeLog.read(cand.resolve("pool_change.jsonl")), districts);
  }

  /**
   * One run of the pipeline in BATCH mode: each enterprise's records are processed in event-time
   * order, so a run gives the same rows every time (a streaming run's order depends on how the
   * feeds interleave). The rules are the bundle's alone (no rules stream).
   */
  public static void runBatch(Path feeds, ConfigBundle config, JobClock clock, int parallelism,
      Path outDir) throws Exception {
    JsonLinesFiles.reset(outDir, OutputTables.ALL);
    Configuration conf = new Configuration();
    conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    Pipeline.define(env, new FileFeedSources(feeds, false, Duration.ofSeconds(5)), RuleSources.none(),
        new JsonLinesSinks(outDir), PipelineConfig.defaults(config, clock));
    env.execute("Seedbed backtest");
    for (OutputTable<?> t : OutputTables.ALL) {
      JsonLinesFiles.compact(outDir, t);
    }
  }

  /**
   * The candidate config: {@code rules} itself when it is a full config folder (has
   * {@code rules/}), else the baseline with every YAML file of {@code rules} laid over its
   * {@code rules/} folder (a file of the same name replaces the baseline's).
   */
  static ConfigBundle candidate(ConfigBundle baseline, Path baselineDir, Path rules) {
    if (Files.isDirectory(rules.resolve("rules"))) {
      return ConfigBundle.read(rules);
    }
    Map<String, String> files = new TreeMap<>(baseline.files());
    try (Stream<Path> list = Files.list(rules)) {
      for (Path f : (Iterable<Path>) list.sorted()::iterator) {
        String name = f.getFileName().toString();
        if (Files.isRegularFile(f) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
          files.put("rules/" + name, Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the rules folder " + rules, e);
    }
    return new ConfigBundle(baselineDir + " + " + rules, files);
  }
}
