package io.seedbed.rule;

import static io.seedbed.rule.Rules.R2022;
import static io.seedbed.rule.Rules.R2026;
import static io.seedbed.rule.Rules.criterion;
import static io.seedbed.rule.Rules.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.indicator.Indicators;
import org.junit.jupiter.api.Test;

/** 专精特新 (criteria.md §3): 2022 hard conditions + 13-indicator table; 2026 conditions. */
class SrdiRulesTest {

  private static PoolVerdict srdi2022(Indicators in) {
    return verdict(in, R2022, Pool.SRDI);
  }

  private static PoolVerdict srdi2026(Indicators in) {
    return verdict(in, R2026, Pool.SRDI);
  }

  @Test
  void the2022TableScores67ByBlock() {
    PoolVerdict v = srdi2022(Firms.srdiScorer2022());
    assertThat(criterion(v, "specialisation").value).isEqualTo(21.0);
    assertThat(criterion(v, "refinement").value).isEqualTo(21.0);
    assertThat(criterion(v, "distinctiveness_shandong").value).isEqualTo(4.0);
    assertThat(criterion(v, "innovation_capacity").value).isEqualTo(21.0);
    assertThat(v.score).isEqualTo(67.0);
    assertThat(v.eligible).isTrue();
  }

  @Test
  void qualityManagementIsThreePerItemCappedAtFive() {
    PoolVerdict v = srdi2022(Firms.srdiScorer2022());
    CriterionResult q = criterion(v, "quality_management");
    assertThat(q.value).isEqualTo(5.0);
    assertThat(q.valueText).isEqualTo("2 of 2 items");
    Indicators oneItem = Firms.srdiScorer2022();
    oneItem.ownBrand = false;
    assertThat(criterion(srdi2022(oneItem), "quality_management").value).isEqualTo(3.0);
  }

  @Test
  void rdInputTakesTheAmountOrTheIntensityWhicheverIsBetter() {
    Indicators in = Firms.srdiScorer2022();
    in.rdIntensityLastYear = 0.10; // ≥ 10% → 10 although 3.5 M alone gives 6
    assertThat(criterion(srdi2022(in), "rd_input").value).isEqualTo(10.0);
  }

  @Test
  void yearsInNicheOnePointPerFullTwoYears() {
    Indicators in = Firms.srdiScorer2022();
    in.yearsInNiche = 10.0;
    assertThat(criterion(srdi2022(in), "years_in_niche_points").value).isEqualTo(5.0);
    in.yearsInNiche = 9.99;
    assertThat(criterion(srdi2022(in), "years_in_niche_points").value).isEqualTo(4.0);
  }

  @Test
  void hardConditionRdIntensityThreePercentIsInclusive() {
    Indicators in = Firms.srdiScorer2022();
    in.rdIntensityLastYear = 0.03;
    PoolVerdict v = srdi2022(in);
    assertThat(criterion(v, "rd_intensity").passed).isTrue();
    // rd_input: 3.5 M → 6 as before; score unchanged
    assertThat(v.score).isEqualTo(67.0);
    assertThat(v.eligible).isTrue();
    in.rdIntensityLastYear = 0.0299;
    v = srdi2022(in);
    assertThat(criterion(v, "rd_intensity").passed).isFalse();
    assertThat(v.eligible).isFalse();
  }

  @Test
  void financingReplacesRevenueForMiitButTheRizhaoRevenueFloorStillApplies() {
    Indicators in = Firms.srdiScorer2022();
    in.operatingRevenueLastYear = 8_000_000.0;
    in.qualifiedFinancing2y = 20_000_000.0;
    PoolVerdict v = srdi2022(in);
    assertThat(criterion(v, "revenue_or_financing").passed).isTrue();
    assertThat(criterion(v, "revenue_floor").passed).isFalse();
    assertThat(criterion(v, "revenue_floor").shortfall).isEqualTo(2_000_000.0);
    assertThat(v.eligible).isFalse();
  }

  @Test
  void lowScorerAdmittedByTenMillionAverageRdExpense() {
    Indicators in = Firms.srdiScorer2022();
    in.marketShare = null;       // -4
    in.rdInstitution = "none";   // -4
    in.netMargin = 0.0;          // -6
    in.digitalLevel = 1;         // -5 → 48
    PoolVerdict v = srdi2022(in);
    assertThat(v.score).isEqualTo(48.0);
    assertThat(v.eligible).isFalse();
    in.rdExpenseLastYear = 11_000_000.0;
    in.rdExpensePrevYear = 9_000_000.0; // average exactly 10 M; rd_input now 10 → score 52
    v = srdi2022(in);
    assertThat(criterion(v, "rd_expense_avg_2y").value).isEqualTo(10_000_000.0);
    assertThat(v.score).isEqualTo(52.0);
    assertThat(v.eligible).isTrue();
  }

  @Test
  void provincialAwardMustRankInTheTopThree() {
    Indicators in = Firms.srdiScorer2022();
    in.digitalLevel = 1;
    in.netMargin = 0.0;
    in.rdInstitution = "none"; // 67 - 5 - 6 - 4 = 52
    in.awards.add(Firms.award("provincial", 4, "2024-05-01T10:00:00+08:00"));
    assertThat(srdi2022(in).eligible).isFalse();
    in.awards.add(Firms.award("provincial", 3, "2024-05-01T10:00:00+08:00"));
    assertThat(srdi2022(in).eligible).isTrue();
  }

  @Test
  void nationalAwardCountsUpToRankFive() {
    Indicators in = Firms.srdiScorer2022();
    in.digitalLevel = 1;
    in.netMargin = 0.0;
    in.rdInstitution = "none";
    in.awards.add(Firms.award("national", 5, "2023-05-01T10:00:00+08:00"));
    assertThat(srdi2022(in).eligible).isTrue();
  }

  @Test
  void lessThanTwoYearsInTheNicheFails() {
    Indicators in = Firms.srdiScorer2022();
    in.yearsInNiche = 1.9;
    PoolVerdict v = srdi2022(in);
    assertThat(criterion(v, "years_in_niche").passed).isFalse();
    assertThat(v.eligible).isFalse();
  }

  @Test
  void the2026ConditionsHoldExactlyOnTheirBoundsAndNoScoreIsGiven() {
    PoolVerdict v = srdi2026(Firms.srdiOnBounds2026());
    assertThat(v.eligible).isTrue();
    assertThat(v.score).isNull();
    assertThat(v.ruleSet).isEqualTo("miit-2026");
  }

  @Test
  void the2026DevelopmentScoreBelow50OrUnknownFails() {
    Indicators in = Firms.srdiOnBounds2026();
    in.developmentScore = 49.9;
    PoolVerdict v = srdi2026(in);
    assertThat(criterion(v, "development_score").passed).isFalse();
    assertThat(v.eligible).isFalse();
    in.developmentScore = null;
    v = srdi2026(in);
    assertThat(criterion(v, "development_score").value).isNull();
    assertThat(criterion(v, "development_score").shortfall).isNull();
    assertThat(v.eligible).isFalse();
  }

  @Test
  void the2026MarketPositionNeedsManualDataAndSaysSo() {
    Indicators in = Firms.srdiOnBounds2026();
    in.marketRank = null;
    PoolVerdict v = srdi2026(in);
    assertThat(criterion(v, "market_position_manual_review").passed).isFalse();
    assertThat(v.eligible).isFalse();
  }

  @Test
  void the2026IpConditionIsWaivedByAProvincialRdInstitution() {
    Indicators in = Firms.srdiOnBounds2026();
    in.class1Ip = 0;
    assertThat(srdi2026(in).eligible).isFalse();
    in.rdInstitution = "provincial";
    assertThat(srdi2026(in).eligible).isTrue();
  }

  @Test
  void the2026RdConditionAppliesToEachOfTheLastTwoYears() {
    Indicators in = Firms.srdiOnBounds2026();
    in.rdIntensityPrevYear = 0.029;
    PoolVerdict v = srdi2026(in);
    assertThat(criterion(v, "rd_intensity_each_2y").value).isEqualTo(0.029);
    assertThat(v.eligible).isFalse();
  }
}
