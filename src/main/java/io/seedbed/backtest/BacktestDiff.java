package io.seedbed.backtest;

import io.seedbed.feed.FeedTime;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the pool_change logs of two backtest runs over the same feeds: the baseline rules
 * against the candidate rules. Both logs are replayed in {@link PoolChangeRow#REPLAY_ORDER}; the
 * status of an enterprise in a pool is the {@code to_status} of its last change.
 */
public final class BacktestDiff {
  /** District key for an enterprise the lookup does not know. */
  public static final String UNKNOWN_DISTRICT = "unknown";

  private BacktestDiff() {}

  /** Compares without district breakdown. */
  public static Diff compare(List<PoolChangeRow> baseline, List<PoolChangeRow> candidate) {
    return compare(baseline, candidate, null);
  }

  /**
   * Compares the runs.
   *
   * @param districts uscc → district, or null for no district breakdown
   */
  public static Diff compare(List<PoolChangeRow> baseline, List<PoolChangeRow> candidate,
      Map<String, String> districts) {
    List<YearMonth> months = months(baseline, candidate);
    Map<String, List<PoolChangeRow>> basePools = byPool(baseline);
    Map<String, List<PoolChangeRow>> candPools = byPool(candidate);
    SortedSet<String> poolCodes = new TreeSet<>(PoolLabels.ORDER);
    poolCodes.addAll(basePools.keySet());
    poolCodes.addAll(candPools.keySet());

    List<PoolDiff> pools = new ArrayList<>();
    List<AffectedEnterprise> affected = new ArrayList<>();
    for (String pool : poolCodes) {
      Replay base = new Replay(basePools.getOrDefault(pool, List.of()), months);
      Replay cand = new Replay(candPools.getOrDefault(pool, List.of()), months);
      pools.add(comparePool(pool, base, cand, months, districts, affected));
    }
    return new Diff(ruleSets(baseline), ruleSets(candidate), pools, affected, districts != null);
  }

  private static PoolDiff comparePool(String pool, Replay base, Replay cand, List<YearMonth> months,
      Map<String, String> districts, List<AffectedEnterprise> affected) {
    Set<String> tracked = new TreeSet<>(base.last.keySet());
    tracked.addAll(cand.last.keySet());
    Map<DiffKind, List<String>> byKind = new TreeMap<>();
    for (DiffKind k : DiffKind.values()) {
      byKind.put(k, new ArrayList<>());
    }
    List<AffectedEnterprise> poolAffected = new ArrayList<>();
    Map<String, int[]> districtCounts = new TreeMap<>();
    for (String uscc : tracked) {
      PoolChangeRow b = base.last.get(uscc);
      PoolChangeRow c = cand.last.get(uscc);
      String bs = b == null ? null : b.toStatus();
      String cs = c == null ? null : c.toStatus();
      DiffKind kind = kind(bs, cs);
      String district = districts == null ? null : districts.getOrDefault(uscc, UNKNOWN_DISTRICT);
      if (district != null) {
        int[] n = districtCounts.computeIfAbsent(district, d -> new int[5]);
        n[0] += PoolDiff.MEMBER.equals(bs) ? 1 : 0;
        n[1] += PoolDiff.MEMBER.equals(cs) ? 1 : 0;
        if (kind != null) {
          n[2 + kind.ordinal()]++;
        }
      }
      if (kind != null) {
        byKind.get(kind).add(uscc);
        poolAffected.add(new AffectedEnterprise(uscc, pool, districts == null ? null : district,
            kind, b, c, differingCriteria(b, c)));
      }
    }
    poolAffected.sort(Comparator.comparing(AffectedEnterprise::kind)
        .thenComparing(AffectedEnterprise::uscc));
    affected.addAll(poolAffected);

    Map<String, DistrictCounts> byDistrict = new TreeMap<>();
    districtCounts.forEach((d, n) ->
        byDistrict.put(d, new DistrictCounts(d, n[0], n[1], n[2], n[3], n[4])));
    List<MonthCount> series = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      series.add(new MonthCount(months.get(i), base.monthEndMembers[i], cand.monthEndMembers[i]));
    }
    return new PoolDiff(pool, base.finalStatus(), cand.finalStatus(), byKind.get(DiffKind.ENTERS),
        byKind.get(DiffKind.LEAVES), byKind.get(DiffKind.CHANGES_STATUS), byDistrict, series);
  }

  /** The kind of difference between two final statuses (null = not tracked), or null if equal. */
  static DiffKind kind(String baselineStatus, String candidateStatus) {
    if (Objects.equals(baselineStatus, candidateStatus)) {
      return null;
    }
    if (PoolDiff.MEMBER.equals(candidateStatus)) {
      return DiffKind.ENTERS;
    }
    if (PoolDiff.MEMBER.equals(baselineStatus)) {
      return DiffKind.LEAVES;
    }
    return DiffKind.CHANGES_STATUS;
  }

  /**
   * Names whose {@code passed} differs between the two last changes, in baseline order then the
   * candidate's own; a criterion evaluated on one side only differs. Empty unless both tracked.
   */
  static List<String> differingCriteria(PoolChangeRow baseline, PoolChangeRow candidate) {
    if (baseline == null || candidate == null) {
      return List.of();
    }
    Map<String, Boolean> base = passedByName(baseline);
    Map<String, Boolean> cand = passedByName(candidate);
    Set<String> names = new LinkedHashSet<>(base.keySet());
    names.addAll(cand.keySet());
    List<String> differing = new ArrayList<>();
    for (String name : names) {
      if (!Objects.equals(base.get(name), cand.get(name))) {
        differing.add(name);
      }
    }
    return differing;
  }

  private static Map<String, Boolean> passedByName(PoolChangeRow row) {
    Map<String, Boolean> passed = new LinkedHashMap<>();
    for (Criterion c : row.criteria()) {
      passed.put(c.name(), c.passed());
    }
    return passed;
  }

  private static Map<String, List<PoolChangeRow>> byPool(List<PoolChangeRow> rows) {
    Map<String, List<PoolChangeRow>> byPool = new HashMap<>();
    for (PoolChangeRow r : rows) {
      byPool.computeIfAbsent(r.pool(), p -> new ArrayList<>()).add(r);
    }
    byPool.values().forEach(list -> list.sort(PoolChangeRow.REPLAY_ORDER));
    return byPool;
  }

  /**
   * Every month (China time, as the plan and its reports count) from the first change of either run
   * to the last, so both series of every pool share one axis.
   */
  private static List<YearMonth> months(List<PoolChangeRow> baseline, List<PoolChangeRow> candidate) {
    Instant first = null;
    Instant last = null;
    for (List<PoolChangeRow> run : List.of(baseline, candidate)) {
      for (PoolChangeRow r : run) {
        first = first == null || r.eventTime().isBefore(first) ? r.eventTime() : first;
        last = last == null || r.eventTime().isAfter(last) ? r.eventTime() : last;
      }
    }
    List<YearMonth> months = new ArrayList<>();
    if (first == null) {
      return months;
    }
    YearMonth end = YearMonth.from(last.atZone(FeedTime.ZONE));
    for (YearMonth m = YearMonth.from(first.atZone(FeedTime.ZONE)); !m.isAfter(end); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  private static List<RuleSetVersion> ruleSets(List<PoolChangeRow> rows) {
    Set<RuleSetVersion> sets = new TreeSet<>();
    for (PoolChangeRow r : rows) {
      sets.add(new RuleSetVersion(r.ruleSet(), r.ruleVersion()));
    }
    return new ArrayList<>(sets);
  }

  /** One run's changes of one pool replayed in order: last change per enterprise, month-end counts. */
  private static final class Replay {
    final Map<String, PoolChangeRow> last = new HashMap<>();
    final int[] monthEndMembers;

    Replay(List<PoolChangeRow> ordered, List<YearMonth> months) {
      monthEndMembers = new int[months.size()];
      int members = 0;
      int next = 0;
      for (int i = 0; i < months.size(); i++) {
        Instant monthEnd = months.get(i).plusMonths(1).atDay(1).atStartOfDay(FeedTime.ZONE).toInstant();
        for (; next < ordered.size() && ordered.get(next).eventTime().isBefore(monthEnd); next++) {
          PoolChangeRow r = ordered.get(next);
          PoolChangeRow before = last.put(r.uscc(), r);
          members += (PoolDiff.MEMBER.equals(r.toStatus()) ? 1 : 0)
              - (before != null && PoolDiff.MEMBER.equals(before.toStatus()) ? 1 : 0);
        }
        monthEndMembers[i] = members;
      }
    }

    Map<String, String> finalStatus() {
      Map<String, String> status = new HashMap<>();
      last.forEach((uscc, r) -> status.put(uscc, r.toStatus()));
      return status;
    }
  }
}
