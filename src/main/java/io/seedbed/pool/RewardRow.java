package io.seedbed.pool;

import java.time.Instant;

/** A row of {@code reward} (key uscc, title, granted_at); {@code recorded_at} is filled by the sink. */
public class RewardRow {
  public String uscc;
  /** Title code, e.g. {@code little_giant}. */
  public String title;
  public Instant grantedAt;
  /** Yuan: the plan's maximum one-off reward for the title. */
  public double amount;
  /** The plan clause granting it. */
  public String policy;

  public RewardRow() {}
}
