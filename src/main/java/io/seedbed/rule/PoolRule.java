package io.seedbed.rule;

import io.seedbed.indicator.Indicators;
import io.seedbed.ledger.IncidentFact;
import java.time.Instant;
import java.util.List;

/**
 * One pool's rules within a rule set: its entry criteria, optionally a graduation condition
 * ({@code graduateWhen}: the enterprise outgrew the pool, e.g. reached 规上 for {@code scale_up}),
 * the incidents and credit listings that suspend it (一票否决, effective-dated with the rule set) and
 * the plan's target for the pool where one is configured.
 */
public final class PoolRule {
  private final Pool pool;
  final Criterion criteria;
  final Criterion graduateWhen;
  private final List<SuspendRule> suspendOn;
  private final Integer target;
  final String file;
  final int line;

  PoolRule(Pool pool, Criterion criteria, Criterion graduateWhen, List<SuspendRule> suspendOn,
      Integer target, String file, int line) {
    this.pool = pool;
    this.criteria = criteria;
    this.graduateWhen = graduateWhen;
    this.suspendOn = List.copyOf(suspendOn);
    this.target = target;
    this.file = file;
    this.line = line;
  }

  public Pool pool() {
    return pool;
  }

  public boolean hasGraduation() {
    return graduateWhen != null;
  }

  public List<SuspendRule> suspendOn() {
    return suspendOn;
  }

  /** The plan's target number of members, or null when none is configured. */
  public Integer target() {
    return target;
  }

  /**
   * Whether this pool's {@code suspendOn} rules block the enterprise at {@code at}. Only {@code at}
   * decides whether an incident's block has ended: never the end of the input or any other signal.
   * A current credit listing blocks with no known end, so {@code until} is then null.
   */
  public Suspension suspensionAt(Indicators in, Instant at) {
    Instant until = null;
    boolean listed = false;
    for (SuspendRule r : suspendOn) {
      listed |= r.listed(in);
      for (IncidentFact f : in.incidents) {
        if (r.matches(f)) {
          Instant end = r.blockedUntil(f);
          if (end.isAfter(at) && (until == null || end.isAfter(until))) {
            until = end;
          }
        }
      }
    }
    return listed || until != null ? new Suspension(true, listed ? null : until) : Suspension.NONE;
  }

  /**
   * How long {@code f} can suspend this pool: the latest end among the incident rules it matches,
   * or null when none matches.
   */
  public Instant longestBlock(IncidentFact f) {
    Instant longest = null;
    for (SuspendRule r : suspendOn) {
      if (r.matches(f)) {
        Instant end = r.blockedUntil(f);
        if (longest == null || end.isAfter(longest)) {
          longest = end;
        }
      }
    }
    return longest;
  }

  /** The same pool with the city gates in front of its criteria. */
  PoolRule gatedBy(Criterion gates) {
    Criterion both = new Combine(null, true, 2, List.of(gates, criteria), null, "");
    return new PoolRule(pool, both, graduateWhen, suspendOn, target, file, line);
  }
}
