package io.seedbed.pool;

/** A row of {@code district_progress} (key district, pool); {@code updated_at} is filled by the sink. */
public class DistrictProgress {
  /** 6-digit division code, or {@code unknown}. */
  public String district;
  public String pool;
  public int members;
  public int candidates;
  public int suspended;
  /** From config/city/pools.yaml; null where the plan sets no target for the pool or district. */
  public Integer target;

  public DistrictProgress() {}
}
