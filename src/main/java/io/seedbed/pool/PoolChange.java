package io.seedbed.pool;

import io.seedbed.feed.Hashes;
import java.time.Instant;

/**
 * A row of {@code pool_change}: one real status change of one enterprise in one pool. The
 * {@code recorded_at} column is filled by the sink.
 */
public class PoolChange {
  /**
   * {@link Hashes#key} of (uscc, pool, fromStatus, toStatus, eventTime, ruleSet, ruleVersion,
   * sequence): see {@link #changeId}.
   */
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

  /**
   * A change's deterministic id. {@code sequence} is the change's position in its enterprise and
   * pool's chain (0 for the first): the same transition at the same event time can happen twice
   * (member -> candidate -> member -> candidate), and an insert-once log must keep both.
   * from_status is in the key for the same reason (the contract names only to_status).
   */
  public static String changeId(String uscc, String pool, String fromStatus, String toStatus,
      Instant eventTime, String ruleSet, int ruleVersion, int sequence) {
    return Hashes.key(uscc, pool, fromStatus, toStatus, eventTime, ruleSet, ruleVersion, sequence);
  }
}
