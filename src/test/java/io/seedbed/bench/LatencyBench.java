package io.seedbed.bench;

import io.seedbed.cli.EmbeddedDatabase;
import io.seedbed.feed.Feed;
import io.seedbed.io.Database;
import io.seedbed.io.DatabaseSinks;
import io.seedbed.io.Schema;
import io.seedbed.pipeline.ConfigBundle;
import io.seedbed.pipeline.JobClock;
import io.seedbed.pipeline.Pipeline;
import io.seedbed.pipeline.PipelineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code bench/latency.sh}: after a warm-up (the first half of every feed at full speed, until its
 * rows are written), records enter at a fixed rate (half the measured maximum), and each
 * {@code pool_change} row's latency is its PostgreSQL {@code recorded_at} (the row's insert time,
 * {@code DEFAULT now()}) minus the wall-clock time its triggering record left the source. Same
 * machine, same clock.
 *
 * <p>Traced latency ({@link DecisionStamps}): the time each row left the enterprise operator is
 * noted, and the row's record is the enterprise's last one injected before that with an event
 * time not after the row's; latency = {@code recorded_at} − that record's injection, and the part
 * up to the decision is reported too (the rest is the wait for the checkpoint that commits the row).
 * Wake-ups ({@code incident_expired}) are decided by the watermark, not a record, and left out.
 * Exact unless a record injected earlier was still queued behind it in another feed's channel.
 *
 * <p>The two earlier bounds are still reported: the
 * conservative one matches the row's {@code event_time} (the enterprise's latest event time when it
 * was decided) to the first injected record of that enterprise with that event time (an earlier
 * record when a late, older one triggered the change: too high then); the optimistic one takes the
 * enterprise's last record injected before the row was written (too low when a row waited behind
 * later records). Rows with no injected record of that event time (wake-up timers) are left out
 * of the conservative bound and counted. Only rows written after the paced phase started count.
 *
 * <p>Usage: {@code LatencyBench FEEDS_DIR PARALLELISM EVENTS_PER_S SECONDS WORK_DIR RESULTS_TSV LABEL}
 */
public final class LatencyBench {
  /** The share of every feed replayed at full speed before the measurement. */
  private static final double WARM_SHARE = 0.5;
  /**
   * Rows of a streaming job reach PostgreSQL when the checkpoint that covers them completes
   * (transactional sinks, docs/reliability.md), so the interval bounds the latency from below;
   * a latency-sensitive deployment sets it this low (jobs/*.yaml {@code checkpointing.interval}).
   */
  private static final String CHECKPOINT_INTERVAL =
      System.getProperty(ThroughputBench.CHECKPOINT_INTERVAL_PROPERTY, "500ms");

  private LatencyBench() {}

  public static void main(String[] args) throws Exception {
    run(args);
    // The result is written. Flink's changelog state backend (PROFILE=changelog, low-latency)
    // leaves a non-daemon executor thread behind after the MiniCluster closes, which kept the JVM
    // from ending: end it here.
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    Path feeds = Path.of(args[0]);
    int parallelism = Integer.parseInt(args[1]);
    double rate = Double.parseDouble(args[2]);
    int seconds = Integer.parseInt(args[3]);
    Path work = Path.of(args[4]).toAbsolutePath();
    Path results = Path.of(args[5]);
    String label = args[6];

    // The same share of every feed, so the feeds advance through the months together: the first
    // half of the city as warm-up (the enterprises' history: profiles, annual returns), then the
    // next records paced, which reach the spring filing season where verdicts change.
    Map<Feed, Long> total = new EnumMap<>(Feed.class);
    long all = 0;
    for (Feed f : Feed.DATA) {
      long n = 0;
      for (Path file : FeedLines.files(feeds, f)) {
        n += FeedLines.lines(file);
      }
      total.put(f, n);
      all += n;
    }
    double share = Math.min(1.0 - WARM_SHARE, rate * seconds / all);
    Map<Feed, Long> warm = new EnumMap<>(Feed.class);
    Map<Feed, Long> paced = new EnumMap<>(Feed.class);
    Map<Feed, Double> rates = new EnumMap<>(Feed.class);
    long warmTotal = 0;
    for (Feed f : Feed.DATA) {
      long w = (long) Math.floor(total.get(f) * WARM_SHARE);
      long n = (long) Math.floor(total.get(f) * share);
      warm.put(f, w);
      paced.put(f, n);
      rates.put(f, Math.max(n / (double) seconds, 0.001));
      warmTotal += w;
    }

    try (EmbeddedDatabase pg = EmbeddedDatabase.start(work)) {
      Database db = pg.database();
      try (Connection c = db.connect()) {
        Schema.apply(c, Path.of("config/schema.sql"));
      }
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism,
          ThroughputBench.flinkConf("heap", work.resolve("checkpoints"), work, CHECKPOINT_INTERVAL));
      Pipeline.define(env, new PacedFeedSources(feeds, warm, paced, rates),
          new DecisionStamps(DatabaseSinks.transactional(db)),
          PipelineConfig.defaults(ConfigBundle.read(Path.of("config")), JobClock.system()));
      JobClient job = env.executeAsync("Seedbed latency bench");
      FeedLines.awaitDecoded(job, warmTotal);
      awaitQuiet(db);
      System.err.println("warm-up of " + warmTotal + " records done; pacing " + rate + " records/s");
      long goMillis = System.currentTimeMillis();
      PacedFeedSources.go();
      job.getJobExecutionResult().get();

      List<Long> conservative = new ArrayList<>();
      List<Long> optimistic = new ArrayList<>();
      List<Long> exact = new ArrayList<>();
      List<Long> decision = new ArrayList<>();
      int unmatched = 0;
      long firstInjection = Long.MAX_VALUE;
      long lastInjection = Long.MIN_VALUE;
      long injected = 0;
      for (List<PacedFeedSources.Injection> log : PacedFeedSources.INJECTED.values()) {
        for (PacedFeedSources.Injection i : log) {
          firstInjection = Math.min(firstInjection, i.injectedAt());
          lastInjection = Math.max(lastInjection, i.injectedAt());
          injected++;
        }
      }
      try (Connection c = db.connect(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT uscc, event_time, recorded_at, change_id, reason FROM pool_change"
              + " WHERE recorded_at >= to_timestamp(" + goMillis + " / 1000.0)")) {
        while (rs.next()) {
          List<PacedFeedSources.Injection> log = PacedFeedSources.INJECTED.getOrDefault(rs.getString(1), List.of());
          long eventTime = rs.getTimestamp(2).getTime();
          long recordedAt = rs.getTimestamp(3).getTime();
          // A wake-up (incident_expired) is decided by the watermark, not by a record.
          Long decidedAt = "incident_expired".equals(rs.getString(5)) ? null
              : DecisionStamps.DECIDED_AT.get(rs.getString(4));
          Long matched = null;
          Long lastBefore = null;
          Long trigger = null;
          for (PacedFeedSources.Injection i : log) {
            // The decision's record: the last one injected before the decision that it can have
            // seen (event time not after the row's, which is the latest the decision knew).
            if (decidedAt != null && i.injectedAt() <= decidedAt && i.eventTime() <= eventTime
                && (trigger == null || i.injectedAt() > trigger)) {
              trigger = i.injectedAt();
            }
            if (i.eventTime() == eventTime && (matched == null || i.injectedAt() < matched)) {
              matched = i.injectedAt();
            }
            if (i.injectedAt() <= recordedAt && (lastBefore == null || i.injectedAt() > lastBefore)) {
              lastBefore = i.injectedAt();
            }
          }
          if (matched == null) {
            unmatched++;
          } else {
            conservative.add(recordedAt - matched);
          }
          if (lastBefore != null) {
            optimistic.add(recordedAt - lastBefore);
          }
          if (trigger != null) {
            exact.add(recordedAt - trigger);
            decision.add(decidedAt - trigger);
          }
        }
      }
      double achieved = injected / Math.max(1e-3, (lastInjection - firstInjection) / 1000.0);
      String line = String.join("\t", Instant.now().toString(), label, Integer.toString(parallelism),
          String.format("%.0f", rate), String.format("%.0f", achieved), Long.toString(injected),
          Integer.toString(conservative.size() + unmatched), Integer.toString(unmatched),
          pct(conservative, 50), pct(conservative, 99), pct(conservative, 100),
          pct(optimistic, 50), pct(optimistic, 99), Integer.toString(exact.size()), pct(exact, 50),
          pct(exact, 99), pct(exact, 100), pct(decision, 50), pct(decision, 99), CHECKPOINT_INTERVAL);
      if (!Files.exists(results)) {
        Files.writeString(results, String.join("\t", "date", "size", "parallelism", "target_events_per_s",
            "achieved_events_per_s", "records_injected", "pool_change_rows", "rows_without_matching_record",
            "p50_ms", "p99_ms", "max_ms", "optimistic_p50_ms", "optimistic_p99_ms", "rows_traced",
            "traced_p50_ms", "traced_p99_ms", "traced_max_ms", "to_decision_p50_ms", "to_decision_p99_ms",
            "checkpoint_interval") + "\n");
      }
      Files.writeString(results, line + "\n", StandardOpenOption.APPEND);
      System.out.println(line);
    }
  }

  /** Waits until the warm-up's rows have stopped arriving in PostgreSQL (3 s without a new row). */
  private static void awaitQuiet(Database db) throws Exception {
    long last = -1;
    int quiet = 0;
    while (quiet < 6) {
      Thread.sleep(500);
      long now;
      try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT (SELECT count(*) FROM indicator_snapshot) + (SELECT count(*) FROM pool_change)"
              + " + (SELECT count(*) FROM pool_membership)")) {
        rs.next();
        now = rs.getLong(1);
      }
      quiet = now == last ? quiet + 1 : 0;
      last = now;
    }
  }

  /** The nearest-rank percentile in ms, or "-" without samples. */
  private static String pct(List<Long> values, int p) {
    if (values.isEmpty()) {
      return "-";
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return Long.toString(sorted.get(Math.max(0, rank - 1)));
  }
}
