package io.seedbed.pool;

import static io.seedbed.pool.Fixtures.DONGGANG;
import static io.seedbed.pool.Fixtures.MIIT_2022;
import static io.seedbed.pool.Fixtures.MIIT_2026;
import static io.seedbed.pool.Fixtures.RULE_SET;
import static io.seedbed.pool.Fixtures.SETTINGS;
import static io.seedbed.pool.Fixtures.USCC;
import static io.seedbed.pool.Fixtures.atLeast;
import static io.seedbed.pool.Fixtures.day;
import static io.seedbed.pool.Fixtures.firm;
import static io.seedbed.pool.Fixtures.majorSafetyAccident;
import static io.seedbed.pool.Fixtures.text;
import static io.seedbed.pool.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.Hashes;
import io.seedbed.indicator.Indicators;
import io.seedbed.rule.Pool;
import io.seedbed.rule.PoolVerdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolTrackerTest {
  private static final Instant JAN = day("2025-01-10");
  private static final Instant MAR = day("2025-03-05");
  private static final Instant MAY = day("2025-05-20");
  private static final Instant JUL = day("2025-07-20");

  /** An srdi verdict whose every criterion passes. */
  private static PoolVerdict srdiMet() {
    return verdict(Pool.SRDI, true, atLeast("rd_intensity_last_year", 0.035, 0.03),
        text("tax_credit_level", "B", "[C, D]", true));
  }

  /** An srdi verdict far from passing: R&D intensity 1% against 3%, and a C credit level. */
  private static PoolVerdict srdiFar() {
    return verdict(Pool.SRDI, false, atLeast("rd_intensity_last_year", 0.01, 0.03),
        text("tax_credit_level", "C", "[C, D]", false));
  }

  private static PoolOutputs run(EnterprisePools st, Indicators in, Instant at, PoolVerdict... v) {
    return PoolTracker.evaluate(st, in, List.of(v), MIIT_2022, at, false, SETTINGS);
  }

  /** A state in which the enterprise became an srdi member on JAN. */
  private static EnterprisePools srdiMemberSinceJan() {
    EnterprisePools st = new EnterprisePools();
    run(st, firm(JAN), JAN, srdiMet());
    return st;
  }

  @Test
  void entersAPoolOnFirstSightWithNoFromStatus() {
    EnterprisePools st = new EnterprisePools();
    PoolOutputs out = run(st, firm(JAN), JAN, srdiMet());

    String criteria = "[{\"name\":\"rd_intensity_last_year\",\"value\":0.035,\"threshold\":0.03,"
        + "\"passed\":true},{\"name\":\"tax_credit_level\",\"value\":\"B\",\"threshold\":\"[C, D]\","
        + "\"passed\":true}]";
    PoolChange change = new PoolChange();
    change.changeId = Hashes.key(USCC, "srdi", null, "member", JAN, RULE_SET, 1, 0);
    change.uscc = USCC;
    change.pool = "srdi";
    change.fromStatus = null;
    change.toStatus = "member";
    change.reason = "criteria_met";
    change.eventTime = JAN;
    change.ruleSet = RULE_SET;
    change.ruleVersion = 1;
    change.criteria = criteria;
    assertThat(out.changes).singleElement().usingRecursiveComparison().isEqualTo(change);

    PoolMembership m = new PoolMembership();
    m.uscc = USCC;
    m.pool = "srdi";
    m.status = "member";
    m.since = JAN;
    m.reason = "criteria_met";
    m.ruleSet = RULE_SET;
    m.ruleVersion = 1;
    m.criteria = criteria;
    assertThat(out.memberships).singleElement().usingRecursiveComparison().isEqualTo(m);
    assertThat(out.transitions).singleElement().usingRecursiveComparison()
        .isEqualTo(new Transition(DONGGANG, "srdi", null, "member"));
    assertThat(out.candidates).isEmpty();
    assertThat(out.nextWakeUp).isNull();
  }

  @Test
  void aFirmFarFromEveryPoolIsNotTracked() {
    EnterprisePools st = new EnterprisePools();
    PoolOutputs out = run(st, firm(JAN), JAN, srdiFar());
    assertThat(out.isEmpty()).isTrue();
    assertThat(st.pools).isEmpty();
  }

  @Test
  void aNearMissBecomesACandidateWithItsGaps() {
    EnterprisePools st = new EnterprisePools();
    // R&D intensity 2.8% against 3%: shortfall 0.002, 6.7% of the threshold, inside srdi's 15% margin.
    PoolVerdict nearMiss = verdict(Pool.SRDI, false, atLeast("rd_intensity_last_year", 0.028, 0.03),
        text("tax_credit_level", "B", "[C, D]", true), atLeast("class1_ip", 1.0, 1));
    PoolOutputs out = run(st, firm(JAN), JAN, nearMiss);

    assertThat(out.changes).singleElement()
        .satisfies(c -> {
          assertThat(c.fromStatus).isNull();
          assertThat(c.toStatus).isEqualTo("candidate");
          assertThat(c.reason).isEqualTo("near_criteria");
        });
    CandidateRow row = new CandidateRow();
    row.uscc = USCC;
    row.pool = "srdi";
    // 100 × (0.6 × 2/3 + 0.3 × (1 − 0.002/0.03) + 0.1 × 0) = 40 + 28 = 68 (no trend known).
    row.potential = 68;
    row.met = 2;
    row.total = 3;
    row.gaps = "[{\"name\":\"rd_intensity_last_year\",\"value\":0.028,\"threshold\":0.03,"
        + "\"shortfall\":" + (0.03 - 0.028) + "}]";
    row.projectedDate = null;
    row.flaggedAt = JAN;
    assertThat(out.candidates).singleElement().usingRecursiveComparison().isEqualTo(row);
  }

  @Test
  void aFirmWhoseSalesTrendReachesTheLineWithinTheHorizonIsAProjectedCandidate() {
    EnterprisePools st = new EnterprisePools();
    Indicators in = firm(day("2025-03-15"));
    in.salesGrowthYoy = 0.6;
    in.newClass1IpLast12m = 1;
    // 10 M against the 15 M early-discovery line: a third short, beyond scale_up's 25% margin, and
    // only 1 of 2 criteria met (below 0.8). At +60% a year, sales grow 6 M a year: 5 M takes 10 months.
    PoolVerdict v = verdict(Pool.SCALE_UP, false, atLeast("sales_ttm", 10_000_000.0, 15_000_000),
        text("tax_credit_level", "B", "[C, D]", true));
    PoolOutputs out = run(st, in, day("2025-03-15"), v);

    assertThat(out.changes).singleElement()
        .satisfies(c -> assertThat(c.reason).isEqualTo("projected"));
    assertThat(out.candidates).singleElement().satisfies(c -> {
      assertThat(c.projectedDate).isEqualTo("2026-01-15");
      // 100 × (0.6 × 1/2 + 0.3 × (1 − 5/15) + 0.1 × 2/4) = 30 + 20 + 5 = 55
      assertThat(c.potential).isEqualTo(55);
      assertThat(c.met).isEqualTo(1);
      assertThat(c.total).isEqualTo(2);
    });
  }

  @Test
  void aMajorAccidentSuspendsUntilTheLookBackHasPassedInEventTime() {
    EnterprisePools st = srdiMemberSinceJan();
    Indicators in = firm(MAR);
    in.incidents.add(majorSafetyAccident("credit/accident/A-1", day("2025-03-01")));
    PoolOutputs out = run(st, in, MAR, srdiMet());

    Instant end = day("2028-03-01");
    assertThat(out.changes).singleElement().satisfies(c -> {
      assertThat(c.fromStatus).isEqualTo("member");
      assertThat(c.toStatus).isEqualTo("suspended");
      assertThat(c.reason).isEqualTo("incident");
    });
    assertThat(out.memberships).singleElement()
        .satisfies(m -> assertThat(m.blockedUntil).isEqualTo(end));
    assertThat(out.nextWakeUp).isEqualTo(end);
    IncidentRow incident = new IncidentRow();
    incident.incidentId = "credit/accident/A-1";
    incident.uscc = USCC;
    incident.category = "safety";
    incident.severity = "major";
    incident.occurredAt = day("2025-03-01");
    incident.blocksUntil = end; // the longest look-back of the pools it suspends: MIIT's 3 years
    incident.source = "credit/accident";
    incident.detail = "{\"type\":\"accident\",\"pools\":[\"scale_up\",\"srdi\",\"gazelle\","
        + "\"unicorn\",\"little_giant\",\"listing_reserve\",\"innovative\",\"champion\"]}";
    assertThat(out.incidents).singleElement().usingRecursiveComparison().isEqualTo(incident);

    // A later event that does not reach the block's end keeps it, and emits nothing at all.
    PoolOutputs before = run(st, in, day("2028-02-29"), srdiMet());
    assertThat(before.isEmpty()).isTrue();
    assertThat(before.nextWakeUp).isEqualTo(end);
    assertThat(st.pools.get("srdi").status).isEqualTo(MembershipStatus.SUSPENDED);

    // The timer at the block's end re-evaluates: back to member.
    PoolOutputs after = run(st, in, end, srdiMet());
    assertThat(after.changes).singleElement().satisfies(c -> {
      assertThat(c.fromStatus).isEqualTo("suspended");
      assertThat(c.toStatus).isEqualTo("member");
      assertThat(c.reason).isEqualTo("incident_expired");
      assertThat(c.eventTime).isEqualTo(end);
    });
    assertThat(after.memberships).singleElement()
        .satisfies(m -> assertThat(m.blockedUntil).isNull());
    assertThat(after.incidents).isEmpty();
    assertThat(after.nextWakeUp).isNull();
  }

  @Test
  void aGeneralAccidentDoesNotSuspendAnMiitTier() {
    EnterprisePools st = srdiMemberSinceJan();
    Indicators in = firm(MAR);
    in.incidents.add(new io.seedbed.ledger.IncidentFact("credit/accident/A-2", "accident", "safety",
        "general", day("2025-03-01"), "credit/accident"));
    PoolOutputs out = run(st, in, MAR, srdiMet());
    assertThat(out.changes).isEmpty();
    // It does suspend the city pools (2-year look-back), so the incident row blocks for 2 years.
    assertThat(out.incidents).singleElement()
        .satisfies(i -> assertThat(i.blocksUntil).isEqualTo(day("2027-03-01")));
  }

  @Test
  void aFirmThatWouldEnterWhileBlockedIsTrackedAsSuspended() {
    EnterprisePools st = new EnterprisePools();
    Indicators in = firm(MAR);
    in.incidents.add(majorSafetyAccident("credit/accident/A-3", day("2024-06-01")));
    PoolOutputs out = run(st, in, MAR, srdiMet());
    assertThat(out.changes).singleElement().satisfies(c -> {
      assertThat(c.fromStatus).isNull();
      assertThat(c.toStatus).isEqualTo("suspended");
      assertThat(c.reason).isEqualTo("incident");
    });
    assertThat(out.nextWakeUp).isEqualTo(day("2027-06-01"));
    // A far firm with the same incident is not tracked at all.
    EnterprisePools far = new EnterprisePools();
    assertThat(run(far, in, MAR, srdiFar()).changes).isEmpty();
    assertThat(far.pools).isEmpty();
  }

  @Test
  void aCreditListingSuspendsWhileListedAndItsRemovalReinstates() {
    EnterprisePools st = srdiMemberSinceJan();
    Indicators listed = firm(MAR);
    listed.onAbnormalOperationList = true;
    PoolOutputs out = run(st, listed, MAR, srdiMet());
    assertThat(out.changes).singleElement()
        .satisfies(c -> assertThat(c.toStatus).isEqualTo("suspended"));
    assertThat(out.memberships).singleElement()
        .satisfies(m -> assertThat(m.blockedUntil).isNull());
    assertThat(out.nextWakeUp).isNull();

    Indicators removed = firm(MAY);
    removed.onAbnormalOperationList = false;
    PoolOutputs back = run(st, removed, MAY, srdiMet());
    assertThat(back.changes).singleElement().satisfies(c -> {
      assertThat(c.toStatus).isEqualTo("member");
      assertThat(c.reason).isEqualTo("incident_expired");
    });
  }

  @Test
  void scaleUpGraduatesWhenTheVerdictSaysTheFirmReachedTheLine() {
    EnterprisePools st = new EnterprisePools();
    run(st, firm(JAN), JAN, verdict(Pool.SCALE_UP, true, atLeast("sales_ttm", 16e6, 15e6),
        atLeast("graduated", 16e6, 20e6)));
    assertThat(st.pools.get("scale_up").status).isEqualTo(MembershipStatus.MEMBER);

    PoolOutputs out = run(st, firm(MAR), MAR, verdict(Pool.SCALE_UP, true,
        atLeast("sales_ttm", 21e6, 15e6), atLeast("graduated", 21e6, 20e6)));
    assertThat(out.changes).singleElement().satisfies(c -> {
      assertThat(c.fromStatus).isEqualTo("member");
      assertThat(c.toStatus).isEqualTo("exited");
      assertThat(c.reason).isEqualTo("graduated");
    });
  }

  @Test
  void theRuleEnginesGraduatedVerdictExitsAMemberAndNeverTracksAFirmAlreadyPastTheLine() {
    // The rule engine reports graduation through PoolVerdict.graduated (scale_up's graduateWhen),
    // with its own criterion names: a firm first seen above the 规上 line is not a candidate.
    PoolVerdict pastTheLine = new PoolVerdict(Pool.SCALE_UP, false, true, null,
        List.of(atLeast("approach_band", 125e6, 15e6), atLeast("main_revenue_20m", 125e6, 20e6)),
        RULE_SET, 1);
    EnterprisePools untracked = new EnterprisePools();
    PoolOutputs first = PoolTracker.evaluate(untracked, firm(JAN), List.of(pastTheLine), MIIT_2022, JAN, false, SETTINGS);
    assertThat(first.changes).isEmpty();
    assertThat(first.candidates).isEmpty();
    assertThat(untracked.pools).doesNotContainKey("scale_up");

    EnterprisePools member = new EnterprisePools();
    run(member, firm(JAN), JAN, verdict(Pool.SCALE_UP, true, atLeast("sales_ttm", 16e6, 15e6)));
    PoolOutputs out = PoolTracker.evaluate(member, firm(MAR), List.of(pastTheLine), MIIT_2022, MAR, false, SETTINGS);
    assertThat(out.changes).singleElement().satisfies(c -> {
      assertThat(c.toStatus).isEqualTo("exited");
      assertThat(c.reason).isEqualTo("graduated");
    });
  }

  @Test
  void anSmePoolGraduatesALargeEnterprise() {
    EnterprisePools st = srdiMemberSinceJan();
    Indicators large = firm(MAR);
    large.smeClass = "large";
    PoolOutputs out = run(st, large, MAR, srdiMet());
    assertThat(out.changes).singleElement().satisfies(c -> {
      assertThat(c.toStatus).isEqualTo("exited");
      assertThat(c.reason).isEqualTo("graduated");
    });
  }

  @Test
  void deregistrationExitsEveryTrackedPoolEvenWithoutVerdicts() {
    EnterprisePools st = srdiMemberSinceJan();
    run(st, firm(JAN), JAN, verdict(Pool.SCALE_UP, false, atLeast("sales_ttm", 14e6, 15e6)));
    assertThat(st.pools.get("scale_up").status).isEqualTo(MembershipStatus.CANDIDATE);

    Indicators gone = firm(MAR);
    gone.status = "deregistered";
    PoolOutputs out = PoolTracker.evaluate(st, gone, List.of(), MIIT_2022, MAR, false, SETTINGS);

    assertThat(out.changes).extracting(c -> c.pool + ":" + c.fromStatus + ">" + c.toStatus + ":" + c.reason)
        .containsExactly("scale_up:candidate>exited:deregistered", "srdi:member>exited:deregistered");
    assertThat(out.changes.get(1).criteria).contains("rd_intensity_last_year");
    assertThat(out.candidates).singleElement().satisfies(c -> {
      assertThat(c.deleted).isTrue();
      assertThat(c.pool).isEqualTo("scale_up");
    });
    assertThat(run(st, gone, MAY).isEmpty()).isTrue();
  }

  @Test
  void aMemberExitsOnlyAfterTheConfiguredNumberOfFailingEvaluations() {
    EnterprisePools st = srdiMemberSinceJan();
    PoolOutputs first = run(st, firm(MAR), MAR, srdiFar());
    assertThat(first.changes).isEmpty();
    // Still a member, but its row now explains the failing criteria.
    assertThat(first.memberships).singleElement().satisfies(m -> {
      assertThat(m.status).isEqualTo("member");
      assertThat(m.criteria).contains("\"passed\":false");
    });
    // The same evaluation again (a redelivered event) does not count as a second failure.
    assertThat(run(st, firm(MAR), MAR, srdiFar()).isEmpty()).isTrue();
    PoolOutputs out = run(st, firm(MAY), MAY, srdiFar());
    assertThat(out.changes).singleElement().satisfies(c -> {
      assertThat(c.fromStatus).isEqualTo("member");
      assertThat(c.toStatus).isEqualTo("exited");
      assertThat(c.reason).isEqualTo("criteria_lost");
      assertThat(c.eventTime).isEqualTo(MAY);
    });
  }

  @Test
  void aPassBetweenFailuresResetsTheHysteresis() {
    EnterprisePools st = srdiMemberSinceJan();
    run(st, firm(MAR), MAR, srdiFar());
    PoolOutputs passing = run(st, firm(MAY), MAY, srdiMet());
    assertThat(passing.changes).isEmpty();
    PoolOutputs failingAgain = run(st, firm(JUL), JUL, srdiFar());
    assertThat(failingAgain.changes).isEmpty();
    assertThat(st.pools.get("srdi").status).isEqualTo(MembershipStatus.MEMBER);
  }

  @Test
  void anIdenticalReEvaluationEmitsNothing() {
    EnterprisePools st = srdiMemberSinceJan();
    PoolOutputs again = run(st, firm(JAN), JAN, srdiMet());
    assertThat(again.isEmpty()).isTrue();
    assertThat(again.nextWakeUp).isNull();
  }

  @Test
  void aRuleSetChangeStampsRulesChangedOnTheChangesItCauses() {
    EnterprisePools st = new EnterprisePools();
    run(st, firm(JAN), JAN, srdiFar());
    assertThat(st.pools).isEmpty();
    Instant effective = day("2026-04-01");
    PoolVerdict under2026 = new PoolVerdict(Pool.SRDI, true, 82.0,
        List.of(atLeast("rd_intensity_last_year", 0.01, 0.01)), "miit-2026", 1);
    PoolOutputs out = PoolTracker.evaluate(st, firm(JAN), List.of(under2026), MIIT_2026, effective, true,
        SETTINGS);
    assertThat(out.changes).singleElement().satisfies(c -> {
      assertThat(c.fromStatus).isNull();
      assertThat(c.toStatus).isEqualTo("member");
      assertThat(c.reason).isEqualTo("rules_changed");
      assertThat(c.ruleSet).isEqualTo("miit-2026");
      assertThat(c.changeId).isEqualTo(Hashes.key(USCC, "srdi", null, "member", effective, "miit-2026", 1, 0));
    });
    assertThat(out.memberships).singleElement().satisfies(m -> assertThat(m.score).isEqualTo(82.0));
  }

  @Test
  void aNewRuleVersionThatChangesNoStatusOnlyRewritesTheMembershipRow() {
    EnterprisePools st = srdiMemberSinceJan();
    PoolVerdict v2 = new PoolVerdict(Pool.SRDI, true, null, srdiMet().criteria, RULE_SET, 2);
    PoolOutputs out = PoolTracker.evaluate(st, firm(JAN), List.of(v2), MIIT_2022, MAR, true, SETTINGS);
    assertThat(out.changes).isEmpty();
    assertThat(out.memberships).singleElement().satisfies(m -> {
      assertThat(m.ruleVersion).isEqualTo(2);
      assertThat(m.reason).isEqualTo("criteria_met");
      assertThat(m.since).isEqualTo(JAN);
    });
  }

  @Test
  void aCandidateThatDriftsAwayExitsAndItsCandidateRowIsDeleted() {
    EnterprisePools st = new EnterprisePools();
    run(st, firm(JAN), JAN, verdict(Pool.SRDI, false, atLeast("rd_intensity_last_year", 0.028, 0.03)));
    PoolOutputs out = run(st, firm(MAR), MAR, srdiFar());
    assertThat(out.changes).singleElement().satisfies(c -> {
      assertThat(c.toStatus).isEqualTo("exited");
      assertThat(c.reason).isEqualTo("criteria_lost");
    });
    assertThat(out.candidates).singleElement().satisfies(c -> assertThat(c.deleted).isTrue());
  }

  @Test
  void aTransitionRepeatedAtOneEventTimeGetsItsOwnChangeId() {
    // Facts sharing one timestamp arrive one by one: candidate -> exited -> candidate -> exited.
    EnterprisePools st = new EnterprisePools();
    PoolVerdict near = verdict(Pool.SRDI, false, atLeast("rd_intensity_last_year", 0.028, 0.03));
    run(st, firm(JAN), JAN, near);
    PoolChange firstExit = run(st, firm(MAR), MAR, srdiFar()).changes.get(0);
    PoolChange back = run(st, firm(MAR), MAR, near).changes.get(0);
    PoolChange secondExit = run(st, firm(MAR), MAR, srdiFar()).changes.get(0);

    assertThat(List.of(firstExit.fromStatus, firstExit.toStatus, back.toStatus, secondExit.toStatus))
        .containsExactly("candidate", "exited", "candidate", "exited");
    assertThat(secondExit.changeId).isNotEqualTo(firstExit.changeId);
    assertThat(secondExit.changeId)
        .isEqualTo(Hashes.key(USCC, "srdi", "candidate", "exited", MAR, RULE_SET, 1, 3));
  }

  @Test
  void aCandidateThatQualifiesBecomesAMember() {
    EnterprisePools st = new EnterprisePools();
    run(st, firm(JAN), JAN, verdict(Pool.SRDI, false, atLeast("rd_intensity_last_year", 0.028, 0.03)));
    PoolOutputs out = run(st, firm(MAR), MAR, srdiMet());
    assertThat(out.changes).singleElement().satisfies(c -> {
      assertThat(c.fromStatus).isEqualTo("candidate");
      assertThat(c.toStatus).isEqualTo("member");
      assertThat(c.reason).isEqualTo("criteria_met");
    });
    assertThat(out.candidates).singleElement().satisfies(c -> assertThat(c.deleted).isTrue());
  }

  @Test
  void movingDistrictMovesTheCounts() {
    EnterprisePools st = srdiMemberSinceJan();
    Indicators moved = firm(MAR);
    moved.district = "371103";
    PoolOutputs out = run(st, moved, MAR, srdiMet());
    assertThat(out.changes).isEmpty();
    assertThat(out.transitions).extracting(t -> t.district + ":" + t.fromStatus + ">" + t.toStatus)
        .containsExactly("371102:member>null", "371103:null>member");
  }
}
