package io.seedbed.pool;

import java.time.Instant;

/** A row of {@code pool_membership} (upsert on uscc, pool); {@code updated_at} is filled by the sink. */
public class PoolMembership {
  public String uscc;
  public String pool;
  public String status;
  /** Event time of the last change. */
  public Instant since;
  public String reason;
  public Double score;
  /** Null unless suspended; also null while a credit listing blocks it (no known end). */
  public Instant blockedUntil;
  public String ruleSet;
  public int ruleVersion;
  /** jsonb: array of {@code {name, value, threshold, passed}}. */
  public String criteria;

  public PoolMembership() {}
}
