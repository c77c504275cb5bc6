package io.seedbed.pool;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Flink keyed state of one enterprise for all pools: what {@link PoolTracker} reads and updates. */
public class EnterprisePools {
  /** Pool code to its state; a pool without an entry is not tracked. */
  public Map<String, PoolState> pools = new HashMap<>();
  /** District the counts of {@link DistrictTally} were last attributed to. */
  public String district;
  /** Incident ids already written to the incident table, limited to those still in the look-back. */
  public Set<String> seenIncidents = new HashSet<>();

  public EnterprisePools() {}
}
