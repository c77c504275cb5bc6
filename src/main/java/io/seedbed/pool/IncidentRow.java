package io.seedbed.pool;

import java.time.Instant;

/** A row of {@code incident}: one disqualifying fact, written once when first seen. */
public class IncidentRow {
  /** The fact id (feed + case id, or a deterministic hash). */
  public String incidentId;
  public String uscc;
  public String category;
  public String severity;
  public Instant occurredAt;
  /** occurredAt + the longest look-back of the pools it suspends; null if it suspends none. */
  public Instant blocksUntil;
  /** Feed and kind, e.g. {@code credit/penalty}. */
  public String source;
  /** jsonb: {@code {type, pools}}: the fact type and the pools it suspends. */
  public String detail;

  public IncidentRow() {}

  /**
   * The row's key: the fact's id where it names a case (case ids are unique across enterprises),
   * qualified by the USCC where the fact is derived from the enterprise's own records (a D rating
   * of a year, an abnormal filing of a patent number another firm may also hold).
   */
  public static String idFor(String uscc, io.seedbed.ledger.IncidentFact fact) {
    boolean derived = "tax_credit_d".equals(fact.type) || "abnormal_ip".equals(fact.type);
    return derived ? fact.source + "/" + uscc + "/" + fact.id.substring(fact.id.lastIndexOf('/') + 1)
        : fact.id;
  }
}
