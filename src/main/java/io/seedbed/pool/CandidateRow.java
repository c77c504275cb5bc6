package io.seedbed.pool;

import java.time.Instant;

/**
 * A row of {@code candidate} (key uscc, pool). When {@link #deleted} is true the row is a delete
 * marker: the enterprise stopped being a candidate, and only the key fields are set.
 */
public class CandidateRow {
  public String uscc;
  public String pool;
  /** 0-100 ranking score, see docs/discovery.md. */
  public int potential;
  public int met;
  public int total;
  /** jsonb: array of {@code {name, value, threshold, shortfall}} for each unmet criterion. */
  public String gaps;
  /** ISO date (yyyy-MM-dd, China) when trends say it will qualify; null if not projected. */
  public String projectedDate;
  /** Event time it became a candidate. */
  public Instant flaggedAt;
  public boolean deleted;

  public CandidateRow() {}

  public static CandidateRow deletion(String uscc, String pool) {
    CandidateRow r = new CandidateRow();
    r.uscc = uscc;
    r.pool = pool;
    r.deleted = true;
    return r;
  }
}
