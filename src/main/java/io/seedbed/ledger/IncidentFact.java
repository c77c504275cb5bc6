package io.seedbed.ledger;

import java.time.Instant;

/**
 * A possibly disqualifying fact from the credit or tax feeds, kept for the longest look-back: a
 * penalty, accident, tax violation, falsification, abnormal patent filing or a tax credit rating of D.
 */
public class IncidentFact implements Versioned {
  /** Deterministic id: feed + case id (or a hash for facts without one). */
  public String id;
  /**
   * What the Ledger records: {@code penalty}, {@code accident}, {@code violation} (tax) and
   * {@code falsification} from the feeds; {@code tax_credit_d} and {@code abnormal_ip}, derived
   * by {@link Ledger#incidentsInLookback}.
   */
  public String type;
  /** The category code from the feed (safety, quality, environment, tax, evasion, ...), or null. */
  public String category;
  /** {@code major} or {@code general}; null where the feed has no severity (always disqualifying). */
  public String severity;
  public Instant occurredAt;
  /** The feed and kind it came from, e.g. {@code credit/penalty}. */
  public String source;

  public IncidentFact() {}

  public IncidentFact(String id, String type, String category, String severity, Instant occurredAt,
      String source) {
    this.id = id;
    this.type = type;
    this.category = category;
    this.severity = severity;
    this.occurredAt = occurredAt;
    this.source = source;
  }

  @Override
  public Instant versionTime() {
    return occurredAt;
  }

  @Override
  public String canonical() {
    return type + "|" + category + "|" + severity + "|" + source;
  }
}
