package io.seedbed.pool;

/**
 * A membership moving between statuses within a district, for {@link DistrictTally}. A null status
 * means "not counted there" (first sight, or the other side of a district move).
 */
public class Transition {
  public String district;
  public String pool;
  public String fromStatus;
  public String toStatus;

  public Transition() {}

  public Transition(String district, String pool, String fromStatus, String toStatus) {
    this.district = district;
    this.pool = pool;
    this.fromStatus = fromStatus;
    this.toStatus = toStatus;
  }
}
