package io.seedbed.rule;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A city's own configuration ({@code config/city/<city>.yaml}): its cultivation gates and the pools
 * it applies them to, and the pools the city defines itself (小升规, 瞪羚, 独角兽, 上市后备). The
 * city pools and gates join every rule set (see {@link RuleBook}).
 */
public final class CityConfig {
  private final String city;
  final Criterion gates;
  private final Set<Pool> gatedPools;
  private final Map<Pool, PoolRule> pools;
  final String file;
  final Map<Pool, Integer> poolLines;

  CityConfig(String city, Criterion gates, Set<Pool> gatedPools, Map<Pool, PoolRule> pools,
      String file, Map<Pool, Integer> poolLines) {
    this.city = city;
    this.gates = gates;
    this.gatedPools = Collections.unmodifiableSet(gatedPools);
    this.pools = Collections.unmodifiableMap(new EnumMap<>(pools));
    this.file = file;
    this.poolLines = poolLines;
  }

  public String city() {
    return city;
  }

  /** The pools whose criteria start with the city gates. */
  public Set<Pool> gatedPools() {
    return gatedPools;
  }


  public Map<Pool, PoolRule> pools() {
    return pools;
  }
}
