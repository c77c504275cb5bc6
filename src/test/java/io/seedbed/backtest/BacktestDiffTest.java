package io.seedbed.backtest;

import static io.seedbed.backtest.Changes.base;
import static io.seedbed.backtest.Changes.cand;
import static io.seedbed.backtest.Changes.num;
import static io.seedbed.backtest.Changes.row;
import static io.seedbed.backtest.Changes.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BacktestDiffTest {
  private static final String A = "91371100000000001A";
  private static final String B = "91371100000000002B";
  private static final String C = "91371100000000003C";
  private static final String D = "91371100000000004D";

  @Test
  void identicalRunsUnderDifferentRuleVersionsHaveNoDifferences() {
    List<PoolChangeRow> baseline = List.of(
        base(A, "srdi", null, "candidate", "2024-01-10T02:00:00Z"),
        base(A, "srdi", "candidate", "member", "2024-03-10T02:00:00Z"),
        base(B, "gazelle", null, "suspended", "2024-02-10T02:00:00Z"));
    List<PoolChangeRow> candidate = List.of(
        cand(B, "gazelle", null, "suspended", "2024-02-10T02:00:00Z"),
        cand(A, "srdi", "candidate", "member", "2024-03-10T02:00:00Z"),
        cand(A, "srdi", null, "candidate", "2024-01-10T02:00:00Z"));

    Diff diff = BacktestDiff.compare(baseline, candidate);

    assertThat(diff.identical()).isTrue();
    assertThat(diff.affected()).isEmpty();
    assertThat(diff.pools()).extracting(PoolDiff::pool).containsExactly("srdi", "gazelle");
    for (PoolDiff p : diff.pools()) {
      assertThat(p.enters()).isEmpty();
      assertThat(p.leaves()).isEmpty();
      assertThat(p.changesStatus()).isEmpty();
      assertThat(p.differs()).isFalse();
    }
    PoolDiff srdi = diff.pools().get(0);
    assertThat(srdi.baselineStatus()).containsExactly(Map.entry(A, "member"));
    assertThat(srdi.candidateStatus()).containsExactly(Map.entry(A, "member"));
    assertThat(srdi.baselineMembers()).isEqualTo(1);
    assertThat(diff.baselineRuleSets()).containsExactly(new RuleSetVersion("miit-2022", 1));
    assertThat(diff.candidateRuleSets()).containsExactly(new RuleSetVersion("rizhao-2025", 2));
  }

  @Test
  void emptyRunsAreIdentical() {
    Diff diff = BacktestDiff.compare(List.of(), List.of());
    assertThat(diff.identical()).isTrue();
    assertThat(diff.pools()).isEmpty();
  }

  @Test
  void enterpriseEnteringOnlyUnderTheCandidateRules() {
    List<PoolChangeRow> baseline = List.of(
        base(A, "srdi", null, "candidate", "2024-05-15T07:00:00Z",
            num("rd_intensity_last_year", "0.028", "0.03", false),
            text("tax_credit_level", "B", "[A, B]", true)));
    List<PoolChangeRow> candidate = List.of(
        cand(A, "srdi", null, "member", "2024-05-15T07:00:00Z",
            num("rd_intensity_last_year", "0.028", "0.025", true),
            text("tax_credit_level", "B", "[A, B]", true)));

    Diff diff = BacktestDiff.compare(baseline, candidate);

    assertThat(diff.identical()).isFalse();
    PoolDiff srdi = diff.pools().get(0);
    assertThat(srdi.enters()).containsExactly(A);
    assertThat(srdi.leaves()).isEmpty();
    assertThat(srdi.changesStatus()).isEmpty();
    assertThat(srdi.baselineMembers()).isZero();
    assertThat(srdi.candidateMembers()).isEqualTo(1);
    AffectedEnterprise a = diff.affected().get(0);
    assertThat(diff.affected()).hasSize(1);
    assertThat(a.kind()).isEqualTo(DiffKind.ENTERS);
    assertThat(a.baselineStatus()).isEqualTo("candidate");
    assertThat(a.candidateStatus()).isEqualTo("member");
    assertThat(a.differingCriteria()).containsExactly("rd_intensity_last_year");
    assertThat(a.candidateLast().criteria().get(0).thresholdText()).isEqualTo("0.025");
    assertThat(a.district()).isNull();
  }

  @Test
  void enterpriseLeavingUnderTheCandidateRules() {
    List<PoolChangeRow> baseline = List.of(
        base(B, "gazelle", null, "member", "2024-02-01T00:00:00Z"));
    List<PoolChangeRow> candidate = List.of(
        cand(A, "gazelle", null, "candidate", "2024-02-01T00:00:00Z"));

    Diff diff = BacktestDiff.compare(baseline, candidate);

    PoolDiff gazelle = diff.pools().get(0);
    assertThat(gazelle.leaves()).containsExactly(B);
    // A is tracked by the candidate run only, as a candidate: a status difference, not an entry
    assertThat(gazelle.changesStatus()).containsExactly(A);
    assertThat(gazelle.enters()).isEmpty();
    assertThat(diff.affected()).extracting(AffectedEnterprise::uscc, AffectedEnterprise::kind)
        .containsExactly(
            tuple(B, DiffKind.LEAVES),
            tuple(A, DiffKind.CHANGES_STATUS));
    AffectedEnterprise b = diff.affected().get(0);
    assertThat(b.baselineStatus()).isEqualTo("member");
    assertThat(b.candidateStatus()).isNull();
    assertThat(b.candidateLast()).isNull();
    assertThat(b.differingCriteria()).isEmpty();
  }

  @Test
  void statusChangeBetweenCandidateAndSuspended() {
    List<PoolChangeRow> baseline = List.of(
        base(C, "scale_up", null, "candidate", "2024-03-01T00:00:00Z",
            num("sales_ttm", "18000000", "20000000", false)),
        base(C, "scale_up", "candidate", "suspended", "2024-04-01T00:00:00Z",
            num("sales_ttm", "18500000", "20000000", false),
            text("no_major_violation", "false", "true", false)));
    List<PoolChangeRow> candidate = List.of(
        cand(C, "scale_up", null, "candidate", "2024-03-01T00:00:00Z",
            num("sales_ttm", "18500000", "20000000", false),
            text("no_major_violation", "false", "true", true)));

    Diff diff = BacktestDiff.compare(baseline, candidate);

    PoolDiff scaleUp = diff.pools().get(0);
    assertThat(scaleUp.changesStatus()).containsExactly(C);
    assertThat(scaleUp.baselineStatus()).containsEntry(C, "suspended");
    assertThat(scaleUp.candidateStatus()).containsEntry(C, "candidate");
    AffectedEnterprise c = diff.affected().get(0);
    assertThat(c.kind()).isEqualTo(DiffKind.CHANGES_STATUS);
    assertThat(c.differingCriteria()).containsExactly("no_major_violation");
    assertThat(c.baselineLast().criteria().get(0).valueText()).isEqualTo("18500000");
  }

  @Test
  void criterionEvaluatedOnOneSideOnlyDiffers() {
    PoolChangeRow b = base(A, "srdi", null, "member", "2024-01-01T00:00:00Z",
        num("x", "1", "1", true));
    PoolChangeRow c = cand(A, "srdi", null, "candidate", "2024-01-01T00:00:00Z",
        num("x", "1", "1", true), num("y", "0", "1", false));
    assertThat(BacktestDiff.differingCriteria(b, c)).containsExactly("y");
    assertThat(BacktestDiff.differingCriteria(b, null)).isEmpty();
  }

  @Test
  void kindsAreExclusive() {
    assertThat(BacktestDiff.kind("member", "member")).isNull();
    assertThat(BacktestDiff.kind(null, null)).isNull();
    assertThat(BacktestDiff.kind(null, "member")).isEqualTo(DiffKind.ENTERS);
    assertThat(BacktestDiff.kind("suspended", "member")).isEqualTo(DiffKind.ENTERS);
    assertThat(BacktestDiff.kind("member", null)).isEqualTo(DiffKind.LEAVES);
    assertThat(BacktestDiff.kind("member", "exited")).isEqualTo(DiffKind.LEAVES);
    assertThat(BacktestDiff.kind("candidate", "suspended")).isEqualTo(DiffKind.CHANGES_STATUS);
    assertThat(BacktestDiff.kind(null, "candidate")).isEqualTo(DiffKind.CHANGES_STATUS);
  }

  @Test
  void lastChangeIsByEventTimeThenChangeIdWhateverTheFileOrder() {
    // D: two changes at the same instant, file order reversed; change id "b..." sorts last and wins.
    // A: the later event time wins although it is first in the file.
    List<PoolChangeRow> baseline = List.of(
        row("b-late-id", D, "srdi", "candidate", "member", "2024-06-01T00:00:00Z", "r", 1),
        row("a-early-id", D, "srdi", null, "candidate", "2024-06-01T00:00:00Z", "r", 1),
        row("z1", A, "srdi", "member", "exited", "2024-07-01T00:00:00Z", "r", 1),
        row("z2", A, "srdi", null, "member", "2024-06-01T00:00:00Z", "r", 1));
    List<PoolChangeRow> candidate = List.of(
        row("b-late-id", D, "srdi", null, "suspended", "2024-06-01T00:00:00Z", "r", 2),
        row("a-early-id", D, "srdi", null, "member", "2024-06-01T00:00:00Z", "r", 2),
        row("z1", A, "srdi", "member", "exited", "2024-07-01T00:00:00Z", "r", 2),
        row("z2", A, "srdi", null, "member", "2024-06-01T00:00:00Z", "r", 2));

    Diff diff = BacktestDiff.compare(baseline, candidate);

    PoolDiff srdi = diff.pools().get(0);
    assertThat(srdi.baselineStatus()).containsExactly(Map.entry(A, "exited"), Map.entry(D, "member"));
    assertThat(srdi.candidateStatus()).containsExactly(Map.entry(A, "exited"), Map.entry(D, "suspended"));
    assertThat(srdi.leaves()).containsExactly(D);
    assertThat(diff.affected().get(0).baselineLast().changeId()).isEqualTo("b-late-id");
  }

  /**
   * Worked by hand, month ends in China time (UTC+8):
   * <pre>
   * baseline  A member 01-10, B member 01-20, A exited 03-05, C member 03-31T16:30Z (= 04-01 00:30 China)
   *           Jan {A,B}=2  Feb 2  Mar {B}=1  Apr {B,C}=2
   * candidate A member 01-31T15:59Z (= 01-31 23:59 China), B candidate 02-10, B member 03-15,
   *           A member→member again 03-20 (must not count twice)
   *           Jan {A}=1  Feb 1  Mar {A,B}=2  Apr 2
   * </pre>
   */
  @Test
  void monthEndMembersWorkedByHand() {
    List<PoolChangeRow> baseline = List.of(
        base(A, "scale_up", null, "member", "2024-01-10T02:00:00Z"),
        base(B, "scale_up", null, "member", "2024-01-20T02:00:00Z"),
        base(A, "scale_up", "member", "exited", "2024-03-05T02:00:00Z"),
        base(C, "scale_up", null, "member", "2024-03-31T16:30:00Z"));
    List<PoolChangeRow> candidate = List.of(
        cand(A, "scale_up", null, "member", "2024-01-31T15:59:00Z"),
        cand(B, "scale_up", null, "candidate", "2024-02-10T02:00:00Z"),
        cand(B, "scale_up", "candidate", "member", "2024-03-15T02:00:00Z"),
        cand(A, "scale_up", "member", "member", "2024-03-20T02:00:00Z"));

    Diff diff = BacktestDiff.compare(baseline, candidate);

    PoolDiff p = diff.pools().get(0);
    assertThat(p.series()).containsExactly(
        new MonthCount(YearMonth.of(2024, 1), 2, 1),
        new MonthCount(YearMonth.of(2024, 2), 2, 1),
        new MonthCount(YearMonth.of(2024, 3), 1, 2),
        new MonthCount(YearMonth.of(2024, 4), 2, 2));
    assertThat(p.baselineMembers()).isEqualTo(2);
    assertThat(p.candidateMembers()).isEqualTo(2);
    assertThat(p.enters()).containsExactly(A);
    assertThat(p.leaves()).containsExactly(C);
  }

  @Test
  void sameFinalStatusesButDifferentTimingIsNotIdentical() {
    Diff diff = BacktestDiff.compare(
        List.of(base(A, "srdi", null, "member", "2024-01-10T00:00:00Z")),
        List.of(cand(A, "srdi", null, "member", "2024-03-10T00:00:00Z")));
    assertThat(diff.affected()).isEmpty();
    assertThat(diff.pools().get(0).series()).extracting(MonthCount::baseline, MonthCount::candidate)
        .containsExactly(
            tuple(1, 0),
            tuple(1, 0),
            tuple(1, 1));
    assertThat(diff.identical()).isFalse();
  }

  @Test
  void countsByDistrictWithUnknownDistrict() {
    List<PoolChangeRow> baseline = List.of(
        base(A, "srdi", null, "member", "2024-01-10T00:00:00Z"),
        base(B, "srdi", null, "member", "2024-01-10T00:00:00Z"),
        base(C, "srdi", null, "candidate", "2024-01-10T00:00:00Z"));
    List<PoolChangeRow> candidate = List.of(
        cand(A, "srdi", null, "candidate", "2024-01-10T00:00:00Z"),
        cand(B, "srdi", null, "member", "2024-01-10T00:00:00Z"),
        cand(C, "srdi", null, "member", "2024-01-10T00:00:00Z"),
        cand(D, "srdi", null, "suspended", "2024-01-10T00:00:00Z"));
    Map<String, String> districts = Map.of(A, "东港区", B, "东港区", C, "岚山区");

    Diff diff = BacktestDiff.compare(baseline, candidate, districts);

    assertThat(diff.withDistricts()).isTrue();
    // sorted by district name: "unknown" (ASCII) before the Chinese names
    assertThat(diff.pools().get(0).byDistrict().values()).containsExactly(
        new DistrictCounts(BacktestDiff.UNKNOWN_DISTRICT, 0, 0, 0, 0, 1),
        new DistrictCounts("东港区", 2, 1, 0, 1, 0),
        new DistrictCounts("岚山区", 0, 1, 1, 0, 0));
    assertThat(diff.affected()).extracting(AffectedEnterprise::uscc, AffectedEnterprise::district)
        .containsExactly(
            tuple(C, "岚山区"),
            tuple(A, "东港区"),
            tuple(D, BacktestDiff.UNKNOWN_DISTRICT));
  }

  @Test
  void poolsInPlanOrderUnknownCodesLast() {
    Diff diff = BacktestDiff.compare(
        List.of(base(A, "zz_new_pool", null, "member", "2024-01-10T00:00:00Z"),
            base(A, "champion", null, "member", "2024-01-10T00:00:00Z"),
            base(A, "scale_up", null, "member", "2024-01-10T00:00:00Z")),
        List.of(cand(A, "little_giant", null, "member", "2024-01-10T00:00:00Z")));
    assertThat(diff.pools()).extracting(PoolDiff::pool)
        .containsExactly("scale_up", "little_giant", "champion", "zz_new_pool");
  }

  @Test
  void inputOrderDoesNotMatter() {
    List<PoolChangeRow> baseline = new ArrayList<>(List.of(
        base(A, "srdi", null, "candidate", "2024-01-10T00:00:00Z"),
        base(A, "srdi", "candidate", "member", "2024-02-10T00:00:00Z"),
        base(B, "gazelle", null, "member", "2024-02-11T00:00:00Z"),
        base(C, "srdi", null, "member", "2024-03-10T00:00:00Z")));
    List<PoolChangeRow> candidate = new ArrayList<>(List.of(
        cand(B, "srdi", null, "member", "2024-01-10T00:00:00Z"),
        cand(C, "srdi", null, "suspended", "2024-03-10T00:00:00Z"),
        cand(B, "gazelle", null, "candidate", "2024-02-11T00:00:00Z")));
    Diff expected = BacktestDiff.compare(baseline, candidate);
    Random random = new Random(7);
    for (int i = 0; i < 5; i++) {
      Collections.shuffle(baseline, random);
      Collections.shuffle(candidate, random);
      assertThat(BacktestDiff.compare(baseline, candidate)).isEqualTo(expected);
    }
  }
}
