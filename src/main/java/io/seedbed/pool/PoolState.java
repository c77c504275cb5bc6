package io.seedbed.pool;

import io.seedbed.rule.Explanation;
import java.time.Instant;

/**
 * Flink state of one enterprise in one pool: the current membership plus what the state machine
 * needs to decide the next step (hysteresis counter, hashes of the rows last emitted).
 */
public class PoolState {
  public MembershipStatus status;
  /** Event time of the last status change. */
  public Instant since;
  public ChangeReason reason;
  public Double score;
  /** End of the block while suspended; null while listed on a credit list (open-ended) or not suspended. */
  public Instant blockedUntil;
  public String ruleSet;
  public int ruleVersion;
  /** Criteria JSON of the last evaluation, kept so a change without a verdict (deregistration) can still explain itself. */
  public String criteria;
  /** Consecutive failing evaluations of a member (hysteresis, 出库缓冲). */
  public int failures;
  /** Key (data time + rule version) of the last counted failure, so one evaluation never counts twice. */
  public String lastFailureKey;
  /**
   * Status changes so far in this pool. Part of the next change's id: the same transition can
   * recur at one event time (candidate -> exited -> candidate -> exited), and without its position
   * in the chain the repeat would share the first one's id and be dropped by the insert-once log.
   */
  public int changes;
  /** Hash of the pool_membership row last emitted. */
  public String membershipHash;
  /** Hash of the candidate row last emitted, null when no candidate row exists. */
  public String candidateHash;
  /**
   * {@link RowPrint}s of {@link #criteria}, of the membership row of {@link #membershipHash} and of
   * the candidate row of {@link #candidateHash}; 0 when unknown (a state from before they were
   * kept). Unlike the transient memos below they survive RocksDB and checkpoints, so that a
   * state just read from them does not render and hash every row again to find it unchanged.
   */
  public long criteriaPrint;
  public long membershipPrint;
  public long candidatePrint;

  // What the tracker remembers between evaluations on the heap, so that an evaluation that changes
  // nothing neither renders nor hashes. Not state: Flink's POJO serializer skips transient fields,
  // so a restored or copied state starts without them and the tracker recomputes what they spare.

  /** The criteria text last rendered for this pool, and what it renders. */
  transient CriteriaJson.Rendered rendered;
  /** The fields {@link #membershipHash} was last computed from, in this JVM. */
  transient MembershipSeen membershipSeen;
  /** What the candidate row of {@link #candidateHash} held; stale once that hash changes. */
  transient CandidateSeen candidateSeen;

  /** A membership row's content (the fields of this state it shows) and its hash. */
  record MembershipSeen(String hash, MembershipStatus status, Instant since, ChangeReason reason,
      Double score, Instant blockedUntil, String ruleSet, int ruleVersion, String criteria) {}

  /** A candidate row's content, the gaps as (a copy of) the unmet criteria, and its hash. */
  record CandidateSeen(String hash, int potential, int met, int total, String projectedDate,
      Instant flaggedAt, Explanation gaps) {}

  public PoolState() {}
}
