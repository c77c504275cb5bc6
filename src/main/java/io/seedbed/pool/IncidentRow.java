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
}
