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

  public static String changeId(String uscc, String pool, String toStatus, Instant eventTime,
      String ruleSet, int ruleVersion) {
    return Hashes.key(uscc, pool, toStatus, eventTime, ruleSet, ruleVersion);
  }
}
