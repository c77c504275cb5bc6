package io.seedbed.rule;

import io.seedbed.ledger.IncidentFact;
import java.time.Instant;
import java.util.List;

/**
 * One line of a pool's {@code suspendOn} list: incidents of these types (and, if given, categories
 * and severities) block the pool for {@code years} after they occur (city plan 2 years, MIIT tiers 3
 * years). The pool state machine uses it to tell "suspended until" from "criteria lost".
 */
public final class SuspendRule {
  private final IncidentFilter filter;

  SuspendRule(IncidentFilter filter) {
    this.filter = filter;
  }

  public List<String> types() {
    return filter.types();
  }

  /** Categories that count, or null for any. */
  public List<String> categories() {
    return filter.categories();
  }

  /** Severities that count, or null for any. */
  public List<String> severities() {
    return filter.severities();
  }

  public int years() {
    return filter.years();
  }

  /** Whether {@code f} is of a kind this rule blocks on (regardless of when it occurred). */
  public boolean matches(IncidentFact f) {
    return filter.matchesKind(f);
  }

  /** When {@code f} stops blocking: its date plus {@link #years()} (calendar years, China time). */
  public Instant blockedUntil(IncidentFact f) {
    return filter.until(f);
  }

  String describe() {
    return filter.describe();
  }
}
