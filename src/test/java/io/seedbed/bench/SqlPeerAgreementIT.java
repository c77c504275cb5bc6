package io.seedbed.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.cli.generate.CityGenerator;
import io.seedbed.feed.Decoded;
import io.seedbed.feed.Feed;
import io.seedbed.feed.FeedDecoder;
import io.seedbed.feed.FeedRecord;
import io.seedbed.indicator.IndicatorCalculator;
import io.seedbed.indicator.IndicatorSnapshot;
import io.seedbed.indicator.Indicators;
import io.seedbed.io.Database;
import io.seedbed.io.FeedFiles;
import io.seedbed.io.FileFeedSources;
import io.seedbed.io.OutputTables;
import io.seedbed.ledger.Ledger;
import io.seedbed.pipeline.ConfigBundle;
import io.seedbed.pipeline.JobClock;
import io.seedbed.pipeline.Pipeline;
import io.seedbed.pipeline.PipelineConfig;
import io.seedbed.pipeline.SeedbedConfig;
import io.seedbed.rule.Pool;
import io.seedbed.rule.PoolVerdict;
import io.seedbed.rule.RuleEngine;
import io.seedbed.rule.RuleSet;
import io.seedbed.testing.CollectingSinks;
import io.seedbed.testing.ProjectFiles;
import io.seedbed.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL peer (bench/sql/peer.sql) decides srdi and gazelle exactly as Seedbed does, enterprise by
 * enterprise, on two small generated cities (one under each MIIT rule set).
 *
 * <p>What is compared, and why: the peer computes eligibility (the rule verdict), so it is
 * compared with Seedbed's verdicts as of each enterprise's latest event time: the ledger folded from
 * every accepted record, {@link IndicatorCalculator} and {@link RuleEngine} under the rule set in
 * force, exactly the calls the {@code EnterpriseProcessor} makes. pool_membership is not the
 * right yardstick: it adds pool behaviour the nightly SQL does not have (suspension windows, exit
 * grace), so it may differ from the verdict on purpose. To tie the in-process verdicts to what the
 * streaming job published, the job is also run (MiniCluster) and its last {@code indicator_snapshot}
 * per enterprise must equal the in-process indicators.
 */
class SqlPeerAgreementIT {
  @RegisterExtension
  static final MiniClusterExtension MINI = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @TempDir
  static Path work;

  private static SeedbedConfig config;
  /** 400 firms whose latest events fall under the 2026 rules (one srdi, eight gazelle firms). */
  private static City city2026;
  /** 150 firms evaluated under the 2022 rules (nine srdi, three gazelle firms). */
  private static City city2022;

  /** A generated city and its accepted records, per enterprise in file order. */
  private record City(Path dir, Map<String, List<FeedRecord>> records) {}

  @BeforeAll
  static void generateAndDecode() throws Exception {
    config = SeedbedConfig.load(ProjectFiles.path("config"));
    city2026 = city(new CityGenerator(400, YearMonth.of(2024, 1), YearMonth.of(2026, 6), 5), "city2026");
    city2022 = city(new CityGenerator(150, YearMonth.of(2023, 1), YearMonth.of(2025, 12), 5), "city2022");
  }

  private static City city(CityGenerator generator, String name) throws Exception {
    Path dir = work.resolve(name);
    generator.generate(dir);
    FeedDecoder decoder = new FeedDecoder(Clock.systemUTC(), config.unitsByCarrier());
    Map<String, List<FeedRecord>> records = new TreeMap<>();
    for (Feed feed : Feed.DATA) {
      for (Path file : FeedFiles.paths(dir, feed)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          Decoded d = decoder.decode(feed, line);
          if (d.ok()) {
            records.computeIfAbsent(d.record().uscc(), k -> new ArrayList<>()).add(d.record());
          }
        }
      }
    }
    return new City(dir, records);
  }

  @Test
  void sqlPeerAgreesUnderThe2026Rules() throws Exception {
    Map<String, SqlPeer.Verdict> seedbed = seedbedVerdicts(city2026);
    assertThat(sqlVerdicts(city2026)).containsExactlyInAnyOrderEntriesOf(seedbed);
    assertThat(seedbed).hasSize(400);
    assertThat(seedbed.values().stream().filter(v -> "miit-2026".equals(v.ruleSet())))
        .hasSizeGreaterThan(300)
        .anyMatch(SqlPeer.Verdict::srdi).anyMatch(v -> !v.srdi())
        .anyMatch(SqlPeer.Verdict::gazelle).anyMatch(v -> !v.gazelle());
  }

  @Test
  void sqlPeerAgreesUnderThe2022Rules() throws Exception {
    Map<String, SqlPeer.Verdict> seedbed = seedbedVerdicts(city2022);
    assertThat(sqlVerdicts(city2022)).containsExactlyInAnyOrderEntriesOf(seedbed);
    assertThat(seedbed).hasSize(150);
    assertThat(seedbed.values()).allMatch(v -> "miit-2022".equals(v.ruleSet()))
        .anyMatch(SqlPeer.Verdict::srdi).anyMatch(v -> !v.srdi())
        .anyMatch(SqlPeer.Verdict::gazelle).anyMatch(v -> !v.gazelle());
  }

  /** Seedbed's verdicts: what the EnterpriseProcessor decides after each enterprise's last record. */
  private static Map<String, SqlPeer.Verdict> seedbedVerdicts(City city) {
    Map<String, SqlPeer.Verdict> out = new TreeMap<>();
    for (Map.Entry<String, List<FeedRecord>> e : city.records().entrySet()) {
      Indicators in = indicators(e.getKey(), e.getValue());
      RuleSet rs = config.rules().inForce(in.asOf);
      Map<Pool, Boolean> eligible = new HashMap<>();
      if (rs != null) {
        for (PoolVerdict v : RuleEngine.evaluate(in, rs)) {
          eligible.put(v.pool, v.eligible);
        }
      }
      out.put(e.getKey(), new SqlPeer.Verdict(rs == null ? null : rs.id(),
          eligible.getOrDefault(Pool.SRDI, false), eligible.getOrDefault(Pool.GAZELLE, false)));
    }
    return out;
  }

  private static Map<String, SqlPeer.Verdict> sqlVerdicts(City city) throws Exception {
    Database db = TestPostgres.freshDatabase();
    SqlPeer peer = new SqlPeer(ProjectFiles.dir());
    try (Connection c = db.connect()) {
      peer.createTables(c);
      peer.load(c, city.dir());
      peer.recompute(c);
      return peer.verdicts(c);
    }
  }

  @Test
  void streamingJobPublishesTheIndicatorsTheVerdictsWereTakenOn() throws Exception {
    ConfigBundle bundle = ConfigBundle.read(ProjectFiles.path("config"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
    env.setParallelism(2);
    CollectingSinks sinks = new CollectingSinks();
    Pipeline.define(env, new FileFeedSources(city2022.dir(), false, Duration.ofSeconds(5)), sinks,
        PipelineConfig.defaults(bundle, JobClock.system()));
    env.execute("SqlPeerAgreementIT");

    Map<String, IndicatorSnapshot> latest = new HashMap<>();
    // Rows of one enterprise come from one writer, in the order they were emitted: the last wins
    // (as-of alone does not order them: it is reached early by the feed with the latest times).
    for (IndicatorSnapshot s : sinks.rows(OutputTables.INDICATOR_SNAPSHOT)) {
      latest.put(s.uscc, s);
    }
    List<String> differing = new ArrayList<>();
    for (Map.Entry<String, List<FeedRecord>> e : city2022.records().entrySet()) {
      IndicatorSnapshot inProcess = IndicatorSnapshot.of(indicators(e.getKey(), e.getValue()));
      if (!inProcess.sameRowAs(latest.get(e.getKey()))) {
        differing.add(e.getKey());
      }
    }
    assertThat(latest).hasSize(150);
    assertThat(differing).isEmpty();
  }

  /** What the EnterpriseProcessor computes after the enterprise's last record. */
  private static Indicators indicators(String uscc, List<FeedRecord> records) {
    Ledger ledger = new Ledger();
    for (FeedRecord r : records) {
      ledger.apply(r, config.ledger());
      ledger.prune(config.ledger());
    }
    return IndicatorCalculator.compute(uscc, ledger, ledger.latestEventTime(), config.indicators());
  }
}
