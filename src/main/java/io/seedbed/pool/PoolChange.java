package io.seedbed.pool;

import io.seedbed.feed.Hashes;
import java.time.Instant;

/**
 * A row of {@code pool_change}: one real status change of one enterprise in one pool. The
 * {@code recorded_at} column is filled by the sink.
 */
public class PoolChange {
  /** {@link Hashes#key} of (uscc, pool, toStatus, eventTime, ruleSet, ruleVersion). */
  public String changeId;
  public String uscc;
  public String pool;
  /** Null on first sight. */
  public String fromStatus;
  public String toStatus;
  public String reason;
  public Instant eventTime;
  public String ruleSet;
  public int ruleVersion;
  /** jsonb: array of {@code {name, value, threshold, passed}}. */
  public String criteria;

  public PoolChange() {}

  public static String changeId(String uscc, String pool, String fromStatus, String toStatus,
      Instant eventTime, String ruleSet, int ruleVersion) {
    // from_status is part of the key (the contract names only to_status): without it, two changes
    // into the same status at the same event time (e.g. member -> candidate -> member) collide and
    // an insert-once log drops the second.
    return Hashes.key(uscc, pool, fromStatus, toStatus, eventTime, ruleSet, ruleVersion);
  }
}
