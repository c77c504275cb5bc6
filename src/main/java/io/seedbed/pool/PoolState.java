package io.seedbed.pool;

import io.seedbed.rule.Explanation;
import java.nio.charset.StandardCharsets;
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
  /**
   * Criteria JSON of the last evaluation ({@link #criteria()}), kept so a change without a verdict
   * (deregistration) can still explain itself. UTF-8, not a String: a tracked pool's text is
   * about 2 KB, and Flink writes a String char by char (a third of a RocksDB savepoint's time went
   * to these) but a byte array in one copy.
   */
  public byte[] criteriaUtf8;
  /**
   * The criteria JSON as states kept it before {@link #criteriaUtf8}: null, except in a state
   * restored from such a savepoint whose pool was not evaluated since. Kept as a field so that
   * those savepoints restore with it.
   */
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
   * {@link RowPrint}s of the criteria text ({@link #criteria()}), of the membership row of
   * {@link #membershipHash} and of the candidate row of {@link #candidateHash}; 0 when unknown (a
   * state from before they were kept). Unlike the transient memos below they survive RocksDB and
   * checkpoints, so that a state just read from them does not render and hash every row again to
   * find it unchanged.
   */
  public long criteriaPrint;
  public long membershipPrint;
  public long candidatePrint;

  // What the tracker remembers between evaluations on the heap, so that an evaluation that changes
  // nothing neither renders nor hashes. Not state: Flink's POJO serializer skips transient fields,
  // so a restored or copied state starts without them and the tracker recomputes what they spare.

  /** {@link #criteriaUtf8} decoded, once asked for. */
  private transient String criteriaText;
  /** The criteria text last rendered for this pool, and what it renders. */
  transient CriteriaJson.Rendered rendered;
  /** The fields {@link #membershipHash} was last computed from, in this JVM. */
  transient MembershipSeen membershipSeen;
  /** What the candidate row of {@link #candidateHash} held; stale once that hash changes. */
  transient CandidateSeen candidateSeen;

  /** A membership row's content (the fields of this state it shows; criteria by print) and its hash. */
  record MembershipSeen(String hash, MembershipStatus status, Instant since, ChangeReason reason,
      Double score, Instant blockedUntil, String ruleSet, int ruleVersion, long criteriaPrint) {}

  /** A candidate row's content, the gaps as (a copy of) the unmet criteria, and its hash. */
  record CandidateSeen(String hash, int potential, int met, int total, String projectedDate,
      Instant flaggedAt, Explanation gaps) {}

  public PoolState() {}

  /** The criteria JSON of the last evaluation; null before one. */
  public String criteria() {
    if (criteria != null) {
      return criteria;
    }
    if (criteriaText == null && criteriaUtf8 != null) {
      criteriaText = new String(criteriaUtf8, StandardCharsets.UTF_8);
    }
    return criteriaText;
  }

  /** Keeps {@code json} (of {@link RowPrint} {@code print}) as the criteria of the last evaluation. */
  void keepCriteria(String json, long print) {
    criteria = null; // an older state's text: replaced, and from now on kept as UTF-8
    criteriaText = json;
    criteriaUtf8 = json.getBytes(StandardCharsets.UTF_8);
    criteriaPrint = print;
  }
}
