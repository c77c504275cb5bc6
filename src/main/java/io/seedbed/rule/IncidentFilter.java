package io.seedbed.rule;

import io.seedbed.feed.FeedTime;
import io.seedbed.ledger.IncidentFact;
import java.time.Instant;
import java.util.List;

/**
 * Which incidents count and for how long: incident types, optionally categories and severities
 * (null = any), and a look-back in years. A fact without a severity matches any severity filter,
 * because the feeds leave severity empty only for always-disqualifying facts.
 */
record IncidentFilter(List<String> types, List<String> categories, List<String> severities,
    int years) {

  boolean matchesKind(IncidentFact f) {
    return types.contains(f.type)
        && (categories == null || (f.category != null && categories.contains(f.category)))
        && (severities == null || f.severity == null || severities.contains(f.severity));
  }

  /** Whether {@code f} matches and occurred in the {@code years} before {@code asOf}. */
  boolean matches(IncidentFact f, Instant asOf) {
    return matchesKind(f) && f.occurredAt != null && !f.occurredAt.isAfter(asOf)
        && until(f).isAfter(asOf);
  }

  /** When {@code f} stops counting: its date plus the look-back (calendar years, China time). */
  Instant until(IncidentFact f) {
    return f.occurredAt.atZone(FeedTime.ZONE).plusYears(years).toInstant();
  }

  String describe() {
    return Fmt.list(types)
        + (categories == null ? "" : " of category " + Fmt.list(categories))
        + (severities == null ? "" : " with severity " + Fmt.list(severities))
        + " within " + years + " years";
  }
}
