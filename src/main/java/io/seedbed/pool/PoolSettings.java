package io.seedbed.pool;

import io.seedbed.rule.Pool;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The city's pool configuration ({@code config/city/pools.yaml}): per-pool hysteresis, early
 * discovery, the potential weights, the districts with their targets, and the reward
 * table. Immutable and serializable, so a Flink function can carry it.
 *
 * @param districtTargets district code → pool → target, after the split of the city targets
 */
public record PoolSettings(Map<Pool, PoolRules> pools, PotentialWeights weights,
    TrendCriteria trends, List<District> districts, Map<Pool, Integer> cityTargets,
    Map<String, Map<Pool, Integer>> districtTargets, Map<String, Reward> rewards)
    implements Serializable {

  /** Loads and validates the file; any problem fails with the file, line and field. */
  public static PoolSettings load(Path file) {
    return PoolSettingsLoader.load(file);
  }

  public PoolRules rules(Pool pool) {
    PoolRules r = pools.get(pool);
    if (r == null) {
      throw new IllegalArgumentException("no settings for pool " + pool.code());
    }
    return r;
  }

  /** The target of a district for a pool, null when none (unknown district, or no city target). */
  public Integer target(String district, Pool pool) {
    Map<Pool, Integer> t = district == null ? null : districtTargets.get(district);
    return t == null ? null : t.get(pool);
  }

  /** The reward for a newly granted title code, or null when the plan grants none. */
  public Reward reward(String title) {
    return rewards.get(title);
  }
}
