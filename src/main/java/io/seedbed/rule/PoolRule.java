package io.seedbed.rule;

import io.seedbed.ledger.IncidentFact;
import java.time.Instant;
import java.util.List;

/**
 * One pool's rules within a rule set: its entry criteria, optionally a graduation condition
 * ({@code graduateWhen}: the enterprise outgrew the pool, e.g. reached 规上 for {@code scale_up}),
 * the incidents that suspend it and the plan's target for the pool where one is configured.
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
   * The latest instant until which {@code incidents} block this pool as seen at {@code asOf}, or
   * null when none blocks it any more.
   */
  public Instant blockedUntil(List<IncidentFact> incidents, Instant asOf) {
    Instant until = null;
    for (IncidentFact f : incidents) {
      if (f == null || f.occurredAt == null || f.occurredAt.isAfter(asOf)) {
        continue;
      }
      for (SuspendRule r : suspendOn) {
        if (r.matches(f)) {
          Instant u = r.blockedUntil(f);
          if (u.isAfter(asOf) && (until == null || u.isAfter(until))) {
            until = u;
          }
        }
      }
    }
    return until;
  }

  /** The same pool with the city gates in front of its criteria and the gates' suspensions added. */
  PoolRule gatedBy(Criterion gates, List<SuspendRule> gateSuspensions) {
    List<SuspendRule> all = new java.util.ArrayList<>(gateSuspensions);
    all.addAll(suspendOn);
    Criterion both = new Combine(null, true, 2, List.of(gates, criteria), null, "");
    return new PoolRule(pool, both, graduateWhen, all, target, file, line);
  }
}
