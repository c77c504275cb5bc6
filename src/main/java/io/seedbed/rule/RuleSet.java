package io.seedbed.rule;

import io.seedbed.feed.FeedTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An effective-dated, versioned rule set (e.g. {@code miit-2022} v1): the criteria of every pool.
 * {@code effectiveFrom} and {@code effectiveUntil} are inclusive calendar dates in China time
 * (Asia/Shanghai); no {@code effectiveUntil} means open-ended. Not a Flink POJO: broadcast the
 * YAML text and parse it with {@link RuleLoader#parse} where it is needed.
 */
public final class RuleSet {
  private final String id;
  private final int version;
  private final LocalDate effectiveFrom;
  private final LocalDate effectiveUntil;
  private final Map<Pool, PoolRule> pools;
  /** The pools in an order where every pool comes after the pools its criteria ask about. */
  private final List<Pool> evaluationOrder;
  /** The rules of {@link #evaluationOrder}, position by position: what the engine walks per record. */
  private final PoolRule[] evaluationRules;
  final String file;
  final int line;

  RuleSet(String id, int version, LocalDate effectiveFrom, LocalDate effectiveUntil,
      Map<Pool, PoolRule> pools, String file, int line) {
    this.id = id;
    this.version = version;
    this.effectiveFrom = effectiveFrom;
    this.effectiveUntil = effectiveUntil;
    this.pools = Collections.unmodifiableMap(new EnumMap<>(pools));
    this.evaluationOrder = evaluationOrder(this.pools);
    this.evaluationRules = evaluationOrder.stream().map(this.pools::get).toArray(PoolRule[]::new);
    this.file = file;
    this.line = line;
  }

  public String id() {
    return id;
  }

  public int version() {
    return version;
  }

  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /** Last day in force (inclusive), or null when open-ended. */
  public LocalDate effectiveUntil() {
    return effectiveUntil;
  }

  /** The pools it defines, in {@link Pool} order. */
  public Map<Pool, PoolRule> pools() {
    return pools;
  }

  public PoolRule pool(Pool p) {
    return pools.get(p);
  }

  /** {@code pool(evaluationOrder().get(i))}; not to be changed. */
  PoolRule[] evaluationRules() {
    return evaluationRules;
  }

  /** The pools, each after the pools it refers to ({@code eligibleFor}), else in {@link Pool} order. */
  List<Pool> evaluationOrder() {
    return evaluationOrder;
  }

  private static List<Pool> evaluationOrder(Map<Pool, PoolRule> pools) {
    List<Pool> order = new ArrayList<>(pools.size());
    Set<Pool> seen = EnumSet.noneOf(Pool.class);
    for (Pool p : pools.keySet()) {
      visit(p, pools, seen, order);
    }
    return List.copyOf(order);
  }

  private static void visit(Pool p, Map<Pool, PoolRule> pools, Set<Pool> seen,
      List<Pool> order) {
    PoolRule rule = pools.get(p);
    if (rule == null || !seen.add(p)) {
      return;
    }
    Set<Pool> refs = EnumSet.noneOf(Pool.class);
    rule.criteria.referencedPools(refs);
    if (rule.graduateWhen != null) {
      rule.graduateWhen.referencedPools(refs);
    }
    for (Pool q : refs) {
      visit(q, pools, seen, order);
    }
    order.add(p);
  }

  /** The instant it comes into force: the start of {@code effectiveFrom} in China. */
  public Instant effectiveFromInstant() {
    return FeedTime.startOf(effectiveFrom);
  }

  /** Whether its effective range holds the China date of {@code t}. */
  public boolean covers(Instant t) {
    return covers(FeedTime.dateOf(t));
  }

  boolean covers(LocalDate d) {
    return !d.isBefore(effectiveFrom) && (effectiveUntil == null || !d.isAfter(effectiveUntil));
  }

  boolean overlaps(RuleSet o) {
    boolean startsBeforeOtherEnds = o.effectiveUntil == null
        || !effectiveFrom.isAfter(o.effectiveUntil);
    boolean otherStartsBeforeThisEnds = effectiveUntil == null
        || !o.effectiveFrom.isAfter(effectiveUntil);
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
  }

  RuleSet withPools(Map<Pool, PoolRule> merged) {
    return new RuleSet(id, version, effectiveFrom, effectiveUntil, merged, file, line);
  }

  @Override
  public String toString() {
    return id + " v" + version + " (" + effectiveFrom + " .. "
        + (effectiveUntil == null ? "open" : effectiveUntil) + ")";
  }
}
