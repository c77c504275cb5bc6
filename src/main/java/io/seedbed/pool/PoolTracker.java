package io.seedbed.pool;

import static io.seedbed.pool.MembershipStatus.CANDIDATE;
import static io.seedbed.pool.MembershipStatus.EXITED;
import static io.seedbed.pool.MembershipStatus.MEMBER;
import static io.seedbed.pool.MembershipStatus.SUSPENDED;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedbed.feed.Hashes;
import io.seedbed.feed.Json;
import io.seedbed.indicator.Indicators;
import io.seedbed.ledger.IncidentFact;
import io.seedbed.rule.Explanation;
import io.seedbed.rule.Pool;
import io.seedbed.rule.PoolRule;
import io.seedbed.rule.PoolVerdict;
import io.seedbed.rule.RuleSet;
import io.seedbed.rule.Suspension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The membership state machine of every pool of one enterprise (动态管理: entry, suspension, exit).
 *
 * <p>Precedence of one step, per pool: deregistration exits every tracked pool; graduation exits it;
 * an active suspension rule of the pool in the rule set ({@code suspendOn}, 一票否决) suspends it; a
 * suspension whose block has ended moves on with {@code incident_expired}; then the criteria decide,
 * with hysteresis for members. Only a status change writes a {@code pool_change}; rows are
 * re-emitted only when their content changed, so an identical re-evaluation emits nothing.
 *
 * <p>Runs for every pool on every record, and most steps change nothing: it decides from the
 * verdicts' {@link Explanation}s, and renders criteria or hashes a row only when the row's content
 * may have changed since it was last rendered or hashed (remembered in {@link PoolState}'s
 * transient fields; after a restore they are empty and everything is rendered and hashed once).
 */
public final class PoolTracker {
  /**
   * The verdict criterion that, when passed, means the enterprise outgrew the pool (for scale_up:
   * main-business revenue reached the 规上 line). The rule files name it this way by convention.
   */
  public static final String GRADUATED_CRITERION = "graduated";

  private PoolTracker() {}

  /**
   * Steps every pool of one enterprise.
   *
   * @param state the enterprise's pool state, updated in place
   * @param verdicts one per pool evaluated; a tracked pool without a verdict is left alone, except
   *     that deregistration exits it
   * @param ruleSet the rule set the verdicts were evaluated under: its pools' {@code suspendOn}
   *     rules decide suspensions and the pools an incident row names
   * @param eventTime the evaluation time: the event time that caused it, the rule set's effective
   *     time, or a timer's time. Incident blocks end only when this time reaches them.
   * @param rulesChanged the evaluation is a re-evaluation under a new rule set: every change is
   *     stamped {@code rules_changed}
   */
  public static PoolOutputs evaluate(EnterprisePools state, Indicators in,
      List<PoolVerdict> verdicts, RuleSet ruleSet, Instant eventTime, boolean rulesChanged,
      PoolSettings s) {
    PoolOutputs out = new PoolOutputs();
    moveDistrict(state, in.district, out);
    recordIncidents(state, in, ruleSet, out);
    boolean gone = "deregistered".equals(in.status) || "revoked".equals(in.status);
    if (!gone && inPoolOrder(verdicts)) {
      // The engine's verdicts: one per pool, in pool order, as the map below would give them.
      for (int k = 0; k < verdicts.size(); k++) {
        PoolVerdict v = verdicts.get(k);
        step(state, in, v.pool, v, ruleSet.pool(v.pool), eventTime, rulesChanged, false, s, out);
      }
    } else {
      stepEach(state, in, verdicts, ruleSet, eventTime, rulesChanged, gone, s, out);
    }
    for (PoolState ps : state.pools.values()) {
      if (ps.status == SUSPENDED && ps.blockedUntil != null && ps.blockedUntil.isAfter(eventTime)
          && (out.nextWakeUp == null || ps.blockedUntil.isBefore(out.nextWakeUp))) {
        out.nextWakeUp = ps.blockedUntil;
      }
    }
    return out;
  }

  /** Whether {@code verdicts} name each pool at most once, in {@link Pool} order. */
  private static boolean inPoolOrder(List<PoolVerdict> verdicts) {
    int last = -1;
    for (int k = 0; k < verdicts.size(); k++) {
      int o = verdicts.get(k).pool.ordinal();
      if (o <= last) {
        return false;
      }
      last = o;
    }
    return true;
  }

  /** Steps each pool of {@code verdicts} (the last verdict of a pool wins), in {@link Pool} order. */
  private static void stepEach(EnterprisePools state, Indicators in, List<PoolVerdict> verdicts,
      RuleSet ruleSet, Instant eventTime, boolean rulesChanged, boolean gone, PoolSettings s,
      PoolOutputs out) {
    Map<Pool, PoolVerdict> byPool = new EnumMap<>(Pool.class);
    for (PoolVerdict v : verdicts) {
      byPool.put(v.pool, v);
    }
    if (gone) {
      for (String code : state.pools.keySet()) {
        byPool.putIfAbsent(Pool.of(code), null);
      }
    }
    for (Map.Entry<Pool, PoolVerdict> e : byPool.entrySet()) {
      step(state, in, e.getKey(), e.getValue(), ruleSet.pool(e.getKey()), eventTime, rulesChanged,
          gone, s, out);
    }
  }

  /** The outcome of one step: the status to be in, why, and the block end while suspended. */
  private record Decision(MembershipStatus status, ChangeReason reason, Instant blockedUntil) {}

  /**
   * The decision to stay as the tracked pool is (its status, reason and block end): most pools of
   * most records, so it is one constant, not a copy of the state per pool and record.
   */
  private static final Decision KEEP = new Decision(null, null, null);

  private static void step(EnterprisePools state, Indicators in, Pool pool, PoolVerdict v,
      PoolRule rule, Instant eventTime, boolean rulesChanged, boolean gone, PoolSettings s,
      PoolOutputs out) {
    String code = pool.code();
    PoolState ps = state.pools.get(code);
    MembershipStatus prev = ps == null ? null : ps.status;
    Explanation.Count count = v == null ? null : Discovery.entryCriteria(v);
    Discovery.Outlook a = v == null ? null : Discovery.outlook(v, count, in, s);
    Decision d = decide(ps, in, v, count, a, s.rules(pool), rule, eventTime, gone);
    if (d == null) {
      return;
    }
    // KEEP (only for a tracked pool) stands for the state as it is: status, reason, block end.
    MembershipStatus status = d == KEEP ? prev : d.status;
    Instant blockedUntil = d == KEEP ? ps.blockedUntil : d.blockedUntil;
    if (ps == null) {
      ps = new PoolState();
      state.pools.put(code, ps);
    }
    if (v != null) {
      refreshCriteria(ps, v);
    }
    if (status != prev) {
      ChangeReason reason = rulesChanged ? ChangeReason.RULES_CHANGED : d.reason;
      ps.status = status;
      ps.since = eventTime;
      ps.reason = reason;
      ps.failures = 0;
      ps.lastFailureKey = null;
      String ruleSet = v != null ? v.ruleSet : ps.ruleSet;
      int ruleVersion = v != null ? v.ruleVersion : ps.ruleVersion;
      PoolChange c = new PoolChange();
      c.changeId = PoolChange.changeId(in.uscc, code, prev == null ? null : prev.code(),
          status.code(), eventTime, ruleSet, ruleVersion, ps.changes++);
      c.uscc = in.uscc;
      c.pool = code;
      c.fromStatus = prev == null ? null : prev.code();
      c.toStatus = status.code();
      c.reason = reason.code();
      c.eventTime = eventTime;
      c.ruleSet = ruleSet;
      c.ruleVersion = ruleVersion;
      c.criteria = ps.criteria(); // this verdict's, or without one the last evaluation's
      out.changes.add(c);
      out.transitions.add(new Transition(state.district, code, c.fromStatus, c.toStatus));
    }
    ps.blockedUntil = ps.status == SUSPENDED ? blockedUntil : null;
    if (v != null) {
      ps.score = v.score;
      ps.ruleSet = v.ruleSet;
      ps.ruleVersion = v.ruleVersion;
    }
    emitMembership(in.uscc, code, ps, out);
    emitCandidate(in.uscc, code, ps, v, count, a, eventTime, out);
  }

  /**
   * Makes {@code ps}'s criteria the text of {@code v}: rendered again only when its explanation
   * differs from the one last rendered for this pool (the text is a function of the explanation),
   * and then only the entries that differ. A state read back from RocksDB or a checkpoint has no
   * rendering to compare with; its text's print tells whether it is still current.
   */
  private static void refreshCriteria(PoolState ps, PoolVerdict v) {
    Explanation x = v.explanation();
    CriteriaJson.Rendered last = ps.rendered;
    if (last != null && x.sameAs(last.from())) {
      return; // ps's text is last's (kept together below)
    }
    long[] printed = null;
    if (last == null && ps.criteriaUtf8 != null) {
      printed = RowPrint.criteria(x, x.size());
      if (RowPrint.criteria(printed) == ps.criteriaPrint) {
        return;
      }
    }
    // Prints only the entries it renders again (or takes those just printed).
    ps.rendered = CriteriaJson.criteria(x, last, printed);
    ps.keepCriteria(ps.rendered.json(), ps.rendered.print());
  }

  /** What the pool's status should be now; null for an untracked pool that stays untracked. */
  private static Decision decide(PoolState ps, Indicators in, PoolVerdict v,
      Explanation.Count count, Discovery.Outlook a, PoolRules r, PoolRule rule, Instant eventTime,
      boolean gone) {
    MembershipStatus prev = ps == null ? null : ps.status;
    Decision keep = ps == null ? null : KEEP;
    if (gone) {
      return prev == null || prev == EXITED ? keep
          : new Decision(EXITED, ChangeReason.DEREGISTERED, null);
    }
    if (graduated(v, count, in, r)) {
      return prev == null || prev == EXITED ? keep
          : new Decision(EXITED, ChangeReason.GRADUATED, null);
    }
    MembershipStatus target = v.eligible ? MEMBER : a.near() || a.projected() ? CANDIDATE : null;
    boolean inPool = prev == MEMBER || prev == CANDIDATE || prev == SUSPENDED;
    if (inPool || target != null) { // a block matters only then; most pools of a firm are neither
      Suspension block = rule == null ? Suspension.NONE : rule.suspensionAt(in, eventTime);
      if (block.active()) {
        return new Decision(SUSPENDED, ChangeReason.INCIDENT, block.until());
      }
    }
    if (prev == SUSPENDED) {
      return target != null ? new Decision(target, ChangeReason.INCIDENT_EXPIRED, null)
          : new Decision(EXITED, ChangeReason.CRITERIA_LOST, null);
    }
    if (prev == MEMBER) {
      if (v.eligible || holding(v, count, r.stayMargin())) {
        ps.failures = 0;
        ps.lastFailureKey = null;
        return keep;
      }
      String failureKey = (in.asOf != null ? in.asOf : eventTime) + "|" + v.ruleSet + "|" + v.ruleVersion;
      if (!failureKey.equals(ps.lastFailureKey)) {
        ps.failures++;
        ps.lastFailureKey = failureKey;
      }
      if (ps.failures < r.exitAfterFailures()) {
        return keep;
      }
      // A member that lost the criteria but is still near drops back to candidate, in one step,
      // so that the next identical evaluation does not move it again.
      return new Decision(target == CANDIDATE ? CANDIDATE : EXITED, ChangeReason.CRITERIA_LOST, null);
    }
    if (target == MEMBER) {
      return new Decision(MEMBER, ChangeReason.CRITERIA_MET, null);
    }
    if (target == CANDIDATE) {
      return prev == CANDIDATE ? keep : new Decision(CANDIDATE,
          a.near() ? ChangeReason.NEAR_CRITERIA : ChangeReason.PROJECTED, null);
    }
    return prev == CANDIDATE ? new Decision(EXITED, ChangeReason.CRITERIA_LOST, null) : keep;
  }

  /** The verdict says it outgrew the pool, or the pool is for SMEs only and it is now large. */
  static boolean graduated(PoolVerdict v, Explanation.Count count, Indicators in, PoolRules r) {
    if (v.graduated) {
      return true; // the rule set's graduateWhen held (e.g. scale_up: reached the 规上 line)
    }
    if (r.graduateWhenLarge() && "large".equals(in.smeClass)) {
      return true;
    }
    return count.leftOutPassed(); // a criterion named GRADUATED_CRITERION passed
  }

  /** Hysteresis by margin: every unmet entry criterion is numeric and within {@code margin}. */
  private static boolean holding(PoolVerdict v, Explanation.Count count, double margin) {
    if (margin <= 0) {
      return false;
    }
    Explanation x = v.explanation();
    for (int i : count.unmet()) {
      if (!Discovery.hasGapRatio(x, i) || Discovery.gapRatio(x, i) > margin) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the membership row when its content changed. Content equal to what the stored hash was
   * computed from (this JVM) has that hash: then nothing is hashed or written.
   */
  private static void emitMembership(String uscc, String pool, PoolState ps, PoolOutputs out) {
    PoolState.MembershipSeen seen = ps.membershipSeen;
    if (seen != null && seen.hash() == ps.membershipHash && seen.status() == ps.status
        && Objects.equals(seen.since(), ps.since) && seen.reason() == ps.reason
        && Objects.equals(seen.score(), ps.score)
        && Objects.equals(seen.blockedUntil(), ps.blockedUntil)
        && Objects.equals(seen.ruleSet(), ps.ruleSet) && seen.ruleVersion() == ps.ruleVersion
        && seen.criteriaPrint() == ps.criteriaPrint && ps.criteriaPrint != 0) {
      return;
    }
    long print = RowPrint.membership(ps, ps.criteriaPrint);
    if (ps.membershipHash != null && print == ps.membershipPrint && ps.criteriaPrint != 0) {
      rememberMembership(ps); // read back from RocksDB or a checkpoint: the row is as last hashed
      return;
    }
    PoolMembership m = new PoolMembership();
    m.uscc = uscc;
    m.pool = pool;
    m.status = ps.status.code();
    m.since = ps.since;
    m.reason = ps.reason.code();
    m.score = ps.score;
    m.blockedUntil = ps.blockedUntil;
    m.ruleSet = ps.ruleSet;
    m.ruleVersion = ps.ruleVersion;
    m.criteria = ps.criteria();
    String hash = Hashes.key(m.status, m.since, m.reason, m.score, m.blockedUntil, m.ruleSet,
        m.ruleVersion, m.criteria);
    if (!hash.equals(ps.membershipHash)) {
      ps.membershipHash = hash;
      out.memberships.add(m);
    }
    ps.membershipPrint = print;
    rememberMembership(ps);
  }

  /** Notes that the membership row of {@code ps}'s current fields has {@code ps.membershipHash}. */
  private static void rememberMembership(PoolState ps) {
    ps.membershipSeen = new PoolState.MembershipSeen(ps.membershipHash, ps.status, ps.since,
        ps.reason, ps.score, ps.blockedUntil, ps.ruleSet, ps.ruleVersion, ps.criteriaPrint);
  }

  /**
   * Writes the candidate row when its content changed (see {@link #emitMembership}), or its
   * deletion when the enterprise stopped being a candidate.
   */
  private static void emitCandidate(String uscc, String pool, PoolState ps, PoolVerdict v,
      Explanation.Count count, Discovery.Outlook a, Instant at, PoolOutputs out) {
    if (ps.status == CANDIDATE && a != null) {
      Explanation x = v.explanation();
      int[] unmet = count.unmet();
      String projectedDate = a.projectedDate(at);
      PoolState.CandidateSeen seen = ps.candidateSeen;
      if (seen != null && seen.hash() == ps.candidateHash && seen.potential() == a.potential()
          && seen.met() == a.met() && seen.total() == a.total()
          && Objects.equals(seen.projectedDate(), projectedDate)
          && Objects.equals(seen.flaggedAt(), ps.since) && sameGaps(x, unmet, seen.gaps())) {
        return;
      }
      long print = RowPrint.candidate(a.potential(), a.met(), a.total(), projectedDate, ps.since,
          x, unmet);
      if (ps.candidateHash != null && print == ps.candidatePrint) {
        return; // read back from RocksDB or a checkpoint: the row is as last hashed
      }
      CandidateRow c = new CandidateRow();
      c.uscc = uscc;
      c.pool = pool;
      c.potential = a.potential();
      c.met = a.met();
      c.total = a.total();
      c.gaps = CriteriaJson.gaps(x, unmet);
      c.projectedDate = projectedDate;
      c.flaggedAt = ps.since;
      String hash = Hashes.key(c.potential, c.met, c.total, c.gaps, c.projectedDate, c.flaggedAt);
      if (!hash.equals(ps.candidateHash)) {
        ps.candidateHash = hash;
        out.candidates.add(c);
      }
      ps.candidatePrint = print;
      ps.candidateSeen = new PoolState.CandidateSeen(ps.candidateHash, c.potential, c.met,
          c.total, c.projectedDate, c.flaggedAt, x.copy(unmet));
    } else if (ps.status != CANDIDATE && ps.candidateHash != null) {
      ps.candidateHash = null;
      ps.candidatePrint = 0;
      out.candidates.add(CandidateRow.deletion(uscc, pool));
    }
  }

  /** Whether the unmet criteria at {@code unmet} are {@link Explanation#same} as {@code seen}'s. */
  private static boolean sameGaps(Explanation x, int[] unmet, Explanation seen) {
    if (unmet.length != seen.size()) {
      return false;
    }
    for (int k = 0; k < unmet.length; k++) {
      if (!x.same(unmet[k], seen, k)) {
        return false;
      }
    }
    return true;
  }

  /** An enterprise that moved district takes its counts with it. */
  private static void moveDistrict(EnterprisePools state, String district, PoolOutputs out) {
    if (Objects.equals(state.district, district)) {
      return;
    }
    for (Map.Entry<String, PoolState> e : new TreeMap<>(state.pools).entrySet()) {
      String status = e.getValue().status.code();
      out.transitions.add(new Transition(state.district, e.getKey(), status, null));
      out.transitions.add(new Transition(district, e.getKey(), null, status));
    }
    state.district = district;
  }

  /**
   * One incident row per fact the first time it is seen, naming the pools of the rule set in force
   * whose suspension rules it matches; the seen set follows the look-back.
   */
  private static void recordIncidents(EnterprisePools state, Indicators in, RuleSet ruleSet,
      PoolOutputs out) {
    if (in.incidents.isEmpty()) { // most firms: nothing to write, and nothing left to remember
      if (!state.seenIncidents.isEmpty()) {
        state.seenIncidents = new HashSet<>();
      }
      return;
    }
    Set<String> present = new HashSet<>();
    for (IncidentFact f : in.incidents) {
      present.add(f.id);
      if (state.seenIncidents.contains(f.id)) {
        continue;
      }
      Instant blocksUntil = null;
      List<String> pools = new ArrayList<>();
      for (PoolRule rule : ruleSet.pools().values()) {
        Instant end = rule.longestBlock(f);
        if (end != null) {
          pools.add(rule.pool().code());
          if (blocksUntil == null || end.isAfter(blocksUntil)) {
            blocksUntil = end;
          }
        }
      }
      IncidentRow r = new IncidentRow();
      r.incidentId = IncidentRow.idFor(in.uscc, f);
      r.uscc = in.uscc;
      r.category = f.category;
      r.severity = f.severity;
      r.occurredAt = f.occurredAt;
      r.blocksUntil = blocksUntil;
      r.source = f.source;
      ObjectNode detail = Json.MAPPER.createObjectNode();
      detail.put("type", f.type);
      pools.forEach(detail.putArray("pools")::add);
      r.detail = CriteriaJson.write(detail);
      out.incidents.add(r);
    }
    state.seenIncidents = present;
  }
}
