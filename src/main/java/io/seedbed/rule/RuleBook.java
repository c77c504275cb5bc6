package io.seedbed.rule;

import io.seedbed.config.ConfigException;

import io.seedbed.feed.FeedTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every loaded rule set, each already joined with the city configuration: the city's pools are
 * added to it and its gated pools get the city gates in front of their criteria.
 *
 * <p>Choosing the rule set in force at {@code t} (its China date): among the rule sets whose range
 * holds the date, each id keeps only its highest version; of the remaining ids the one that came
 * into force last (latest {@code effectiveFrom}) wins, because a newer regulation supersedes an
 * older one. Two ids starting on the same day with overlapping ranges are rejected at load time, as
 * are overlapping ranges of the same id and version.
 */
public final class RuleBook {
  private final List<RuleSet> ruleSets;
  private final CityConfig city;

  private RuleBook(List<RuleSet> ruleSets, CityConfig city) {
    this.ruleSets = List.copyOf(ruleSets);
    this.city = city;
  }

  /** Joins and checks rule sets and the (optional) city configuration. */
  public static RuleBook of(List<RuleSet> sets, CityConfig city) {
    List<RuleSet> sorted = new ArrayList<>(sets);
    sorted.sort(Comparator.comparing(RuleSet::effectiveFrom).thenComparing(RuleSet::id)
        .thenComparingInt(RuleSet::version));
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = 0; j < i; j++) {
        RuleSet a = sorted.get(j);
        RuleSet b = sorted.get(i);
        if (!a.overlaps(b)) {
          continue;
        }
        if (a.id().equals(b.id()) && a.version() == b.version()) {
          throw new ConfigException(b.file, b.line, "effectiveFrom", b.id() + " version "
              + b.version() + " overlaps " + a + " from " + a.file);
        }
        if (!a.id().equals(b.id()) && a.effectiveFrom().equals(b.effectiveFrom())) {
          throw new ConfigException(b.file, b.line, "effectiveFrom", b.id()
              + " starts on the same day as " + a.id() + " (" + a.file
              + ") and overlaps it: which one is in force would be ambiguous");
        }
      }
    }
    List<RuleSet> joined = new ArrayList<>();
    for (RuleSet rs : sorted) {
      joined.add(join(rs, city));
    }
    return new RuleBook(joined, city);
  }

  private static RuleSet join(RuleSet rs, CityConfig city) {
    Map<Pool, PoolRule> pools = new EnumMap<>(rs.pools());
    if (city != null) {
      for (Map.Entry<Pool, PoolRule> e : city.pools().entrySet()) {
        if (pools.containsKey(e.getKey())) {
          throw new ConfigException(city.file, city.poolLines.get(e.getKey()),
              "pools." + e.getKey().code(), "pool also defined by rule set " + rs.id() + " ("
                  + rs.file + "); define it in one place");
        }
        pools.put(e.getKey(), e.getValue());
      }
      for (Pool p : city.gatedPools()) {
        PoolRule r = pools.get(p);
        if (r == null) {
          throw new ConfigException(city.file, 0, "gates.appliesTo", "pool " + p.code()
              + " is not defined by rule set " + rs.id() + " nor by the city");
        }
        pools.put(p, r.gatedBy(city.gates));
      }
    }
    checkReferences(pools, rs);
    return rs.withPools(pools);
  }

  /** Every pool referred to exists, and no pool depends on itself. */
  private static void checkReferences(Map<Pool, PoolRule> pools, RuleSet rs) {
    Map<Pool, Set<Pool>> refs = new HashMap<>();
    for (PoolRule r : pools.values()) {
      Set<Pool> s = EnumSet.noneOf(Pool.class);
      r.criteria.referencedPools(s);
      if (r.graduateWhen != null) {
        r.graduateWhen.referencedPools(s);
      }
      for (Pool q : s) {
        if (!pools.containsKey(q)) {
          throw new ConfigException(r.file, r.line, "pools." + r.pool().code(),
              "refers to pool " + q.code() + ", which rule set " + rs.id() + " does not define");
        }
      }
      refs.put(r.pool(), s);
    }
    for (Pool start : pools.keySet()) {
      if (reaches(start, start, refs, EnumSet.noneOf(Pool.class))) {
        PoolRule r = pools.get(start);
        throw new ConfigException(r.file, r.line, "pools." + start.code(),
            "eligibleFor forms a cycle back to " + start.code());
      }
    }
  }

  private static boolean reaches(Pool from, Pool target, Map<Pool, Set<Pool>> refs, Set<Pool> seen) {
    for (Pool q : refs.getOrDefault(from, Set.of())) {
      if (q == target || (seen.add(q) && reaches(q, target, refs, seen))) {
        return true;
      }
    }
    return false;
  }

  /** The rule set in force at {@code t} (see the class comment), or null when none covers it. */
  public RuleSet inForce(Instant t) {
    // Asked on every record: a loop over the few rule sets, nothing allocated.
    LocalDate d = FeedTime.dateOf(t);
    RuleSet best = null;
    for (int i = 0; i < ruleSets.size(); i++) {
      RuleSet rs = ruleSets.get(i);
      if (rs.covers(d) && latestVersion(i, d) && (best == null || IN_FORCE.compare(rs, best) > 0)) {
        best = rs;
      }
    }
    return best;
  }

  /** Of the rule sets covering a date, the one with the latest start (then the greatest id). */
  private static final Comparator<RuleSet> IN_FORCE =
      Comparator.comparing(RuleSet::effectiveFrom).thenComparing(RuleSet::id);

  /**
   * Whether rule set {@code i} is the highest version of its id among those covering {@code d}
   * (of equal versions, the first listed).
   */
  private boolean latestVersion(int i, LocalDate d) {
    RuleSet rs = ruleSets.get(i);
    for (int j = 0; j < ruleSets.size(); j++) {
      RuleSet other = ruleSets.get(j);
      if (j != i && other.id().equals(rs.id()) && other.covers(d)
          && (other.version() > rs.version() || other.version() == rs.version() && j < i)) {
        return false;
      }
    }
    return true;
  }

  /** All rule sets (joined with the city), by effectiveFrom, id and version. */
  public List<RuleSet> ruleSets() {
    return ruleSets;
  }

  /** The city configuration, or null when none was loaded. */
  public CityConfig city() {
    return city;
  }
}
