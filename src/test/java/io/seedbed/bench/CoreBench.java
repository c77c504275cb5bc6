package io.seedbed.bench;

import io.seedbed.feed.Decoded;
import io.seedbed.feed.Feed;
import io.seedbed.feed.FeedDecoder;
import io.seedbed.feed.FeedRecord;
import io.seedbed.indicator.IndicatorCalculator;
import io.seedbed.indicator.IndicatorSnapshot;
import io.seedbed.indicator.Indicators;
import io.seedbed.ledger.Ledger;
import io.seedbed.ledger.LedgerChange;
import io.seedbed.pipeline.SeedbedConfig;
import io.seedbed.pool.CandidateRow;
import io.seedbed.pool.EnterprisePools;
import io.seedbed.pool.PoolMembership;
import io.seedbed.pool.PoolOutputs;
import io.seedbed.pool.PoolTracker;
import io.seedbed.rule.PoolVerdict;
import io.seedbed.rule.RuleEngine;
import io.seedbed.rule.RuleSet;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure core alone, no Flink: decode every line of a city, then fold, compute, evaluate and
 * step pools for each record in (enterprise, event time) order, as the BATCH job does (or in event-time
 * order, see {@link #BY_TIME}). Prints the time per phase. Usage: CoreBench CITY_DIR [ROUNDS].
 */
public final class CoreBench {
  /**
   * {@code -Dseedbed.bench.byTime=true}: records in event-time order across enterprises, as a
   * streaming replay interleaves them, instead of grouped per enterprise as BATCH sorts them: the
   * same work, with each record touching another enterprise's state (cache misses).
   */
  private static final boolean BY_TIME = Boolean.getBoolean("seedbed.bench.byTime");

  public static void main(String[] args) throws Exception {
    Path city = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    SeedbedConfig config = SeedbedConfig.load(Path.of("config"));
    FeedDecoder decoder = new FeedDecoder(Clock.systemUTC(), config.unitsByCarrier());
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      List<FeedRecord> records = new ArrayList<>();
      long lines = 0;
      for (Feed feed : Feed.DATA) {
        Path file = city.resolve(feed.id() + ".jsonl");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines++;
            Decoded d = decoder.decode(feed, line);
            if (d.ok()) {
              records.add(d.record());
            }
          }
        }
      }
      long t1 = System.nanoTime();
      records.sort(BY_TIME
          ? Comparator.comparing(FeedRecord::eventTime).thenComparing(FeedRecord::uscc)
          : Comparator.comparing(FeedRecord::uscc).thenComparing(FeedRecord::eventTime));
      long t2 = System.nanoTime();
      Map<String, Ledger> ledgers = new HashMap<>();
      Map<String, EnterprisePools> pools = new HashMap<>();
      Map<String, IndicatorSnapshot> snaps = new HashMap<>();
      long changes = 0;
      long tApply = 0, tPrune = 0, tCompute = 0, tSnap = 0, tRules = 0, tPools = 0;
      long snapshots = 0;
      long evaluated = 0;
      long silent = 0;
      long memberships = 0, membershipBytes = 0, candidates = 0, candidateBytes = 0;
      for (FeedRecord r : records) {
        Ledger ledger = ledgers.computeIfAbsent(r.uscc(), k -> new Ledger());
        long a0 = System.nanoTime();
        LedgerChange change = ledger.apply(r, config.ledger());
        tApply += System.nanoTime() - a0;
        if (change == LedgerChange.UNCHANGED) {
          continue;
        }
        long a1 = System.nanoTime();
        ledger.prune(config.ledger());
        long a2 = System.nanoTime();
        tPrune += a2 - a1;
        Indicators in = IndicatorCalculator.compute(r.uscc(), ledger, ledger.latestEventTime(),
            config.indicators());
        long a3 = System.nanoTime();
        tCompute += a3 - a2;
        IndicatorSnapshot snap = IndicatorSnapshot.of(in);
        if (!snap.sameRowAs(snaps.get(r.uscc()))) {
          snaps.put(r.uscc(), snap);
          snapshots++;
        }
        long a4 = System.nanoTime();
        tSnap += a4 - a3;
        RuleSet rs = config.rules().inForce(ledger.latestEventTime());
        if (rs == null) {
          continue;
        }
        evaluated++;
        List<PoolVerdict> verdicts = RuleEngine.evaluate(in, rs);
        long a5 = System.nanoTime();
        tRules += a5 - a4;
        EnterprisePools p = pools.computeIfAbsent(r.uscc(), k -> new EnterprisePools());
        PoolOutputs out = PoolTracker.evaluate(p, in, verdicts, rs, ledger.latestEventTime(), false,
            config.pools());
        changes += out.changes.size();
        silent += out.isEmpty() ? 1 : 0;
        tPools += System.nanoTime() - a5;
        for (PoolMembership m : out.memberships) {
          memberships++;
          membershipBytes += m.criteria == null ? 0 : m.criteria.length();
        }
        for (CandidateRow c : out.candidates) {
          candidates++;
          candidateBytes += c.gaps == null ? 0 : c.gaps.length();
        }
      }
      long t3 = System.nanoTime();
      System.out.printf("round %d: %d lines, %d records; decode %.2f us/line, fold+evaluate %.2f us/record"
              + " (%d evaluated, %d snapshots, %d changes)%n", round, lines, records.size(),
          (t1 - t0) / 1e3 / lines, (t3 - t2) / 1e3 / records.size(), evaluated, snapshots, changes);
      double n = records.size() * 1e3;
      System.out.printf("  per record: apply %.2f, prune %.2f, indicators %.2f, snapshot %.2f, rules %.2f,"
          + " pools %.2f us%n", tApply / n, tPrune / n, tCompute / n, tSnap / n, tRules / n, tPools / n);
      System.out.printf("  rows: %d pool_membership (criteria %d chars), %d candidate (gaps %d chars);"
          + " %d evaluations wrote no pool row%n", memberships, membershipBytes, candidates,
          candidateBytes, silent);
    }
  }
}
