package io.seedbed.pool;

import io.seedbed.rule.Pool;
import java.io.Serializable;
import java.util.Map;

/**
 * A county-level division of the city (区县/功能区).
 *
 * @param weight its share of a city target that it does not set explicitly
 * @param targets explicit targets per pool, overriding the proportional split
 */
public record District(String code, String name, double weight, Map<Pool, Integer> targets)
    implements Serializable {

  public District {
    targets = Map.copyOf(targets);
  }
}
