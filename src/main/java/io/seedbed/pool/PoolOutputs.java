package io.seedbed.pool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Everything one evaluation of one enterprise emits. Empty lists when nothing changed. */
public class PoolOutputs {
  public List<PoolChange> changes = new ArrayList<>();
  public List<PoolMembership> memberships = new ArrayList<>();
  /** Upserts and delete markers ({@link CandidateRow#deleted}). */
  public List<CandidateRow> candidates = new ArrayList<>();
  public List<IncidentRow> incidents = new ArrayList<>();
  public List<Transition> transitions = new ArrayList<>();
  /**
   * The earliest {@code blockedUntil} after the evaluation time, for an event-time timer; null when
   * no block ends in the future. Re-evaluate at exactly this time to lift the block.
   */
  public Instant nextWakeUp;

  public PoolOutputs() {}

  public boolean isEmpty() {
    return changes.isEmpty() && memberships.isEmpty() && candidates.isEmpty()
        && incidents.isEmpty() && transitions.isEmpty();
  }
}
