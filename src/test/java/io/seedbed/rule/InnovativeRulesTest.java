package io.seedbed.rule;

import static io.seedbed.rule.Rules.R2022;
import static io.seedbed.rule.Rules.R2026;
import static io.seedbed.rule.Rules.criterion;
import static io.seedbed.rule.Rules.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.indicator.Indicators;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** 创新型 (criteria.md §2): the 100-point table, block minimums and the direct routes. */
class InnovativeRulesTest {

  private static PoolVerdict innovative(Indicators in) {
    return verdict(in, R2022, Pool.INNOVATIVE);
  }

  @Test
  void scoreOfExactly60WithEveryBlockAtItsMinimumIsEligible() {
    PoolVerdict v = innovative(Firms.innovativeScorer60());
    assertThat(v.score).isEqualTo(60.0);
    assertThat(criterion(v, "innovation_capacity").value).isEqualTo(25.0);
    assertThat(criterion(v, "growth").value).isEqualTo(20.0);
    assertThat(criterion(v, "specialisation").value).isEqualTo(15.0);
    assertThat(v.eligible).isTrue();
    assertThat(v.ruleSet).isEqualTo("miit-2022");
    assertThat(v.ruleVersion).isEqualTo(1);
  }

  @Test
  void rdIntensityExactlyThreePercentTakesTheHigherBand() {
    PoolVerdict v = innovative(Firms.innovativeScorer60());
    CriterionResult rd = criterion(v, "rd_intensity");
    assertThat(rd.value).isEqualTo(15.0);
    assertThat(rd.threshold).isEqualTo(20.0);
    assertThat(rd.shortfall).isEqualTo(5.0);
    assertThat(rd.passed).isFalse();
  }

  @Test
  void rdIntensityJustBelowThreePercentScoresTenAndTheTableFallsTo55() {
    Indicators in = Firms.innovativeScorer60();
    in.rdIntensityLastYear = 0.0299;
    PoolVerdict v = innovative(in);
    assertThat(criterion(v, "rd_intensity").value).isEqualTo(10.0);
    assertThat(v.score).isEqualTo(55.0);
    assertThat(v.eligible).isFalse();
    assertThat(criterion(v, "innovative_score").shortfall).isEqualTo(5.0);
  }

  @Test
  void growthExactlyFifteenPercentScoresTwenty() {
    Indicators in = Firms.innovativeScorer60();
    in.mainRevenueGrowthLastYear = 0.15;
    PoolVerdict v = innovative(in);
    assertThat(criterion(v, "main_revenue_growth").value).isEqualTo(20.0);
    assertThat(v.score).isEqualTo(65.0);
  }

  @Test
  void debtRatioBoundariesBelongToTheBetterBand() {
    Indicators in = Firms.innovativeScorer60();
    in.debtRatio = 0.55;
    assertThat(criterion(innovative(in), "debt_ratio").value).isEqualTo(10.0);
    in.debtRatio = 0.75;
    assertThat(criterion(innovative(in), "debt_ratio").value).isEqualTo(5.0);
    in.debtRatio = 0.7501;
    assertThat(criterion(innovative(in), "debt_ratio").value).isEqualTo(0.0);
  }

  @Test
  void totalAbove60WithTheCapacityBlockBelow20IsNotEligible() {
    // ① class-I → 10, ② 1% → 5: capacity 15 < 20; ③ 20% → 20, ④ 40% → 10; ⑤ strategic → 10,
    // ⑥ 80% → 20. Total 75.
    Indicators in = Firms.innovativeScorer60();
    in.rdIntensityLastYear = 0.01;
    in.mainRevenueGrowthLastYear = 0.20;
    in.debtRatio = 0.40;
    in.productTags = new TreeSet<>(Set.of("strategic_emerging"));
    in.mainBusinessShare = 0.80;
    PoolVerdict v = innovative(in);
    assertThat(v.score).isEqualTo(75.0);
    assertThat(criterion(v, "innovative_score").passed).isTrue();
    assertThat(criterion(v, "innovation_capacity").passed).isFalse();
    assertThat(criterion(v, "innovation_capacity").shortfall).isEqualTo(5.0);
    assertThat(v.eligible).isFalse();
  }

  @Test
  void highValueIpScoresTwentyAndClassTwoOnlyFive() {
    Indicators in = Firms.innovativeScorer60();
    in.highValueClass1Ip = 1;
    assertThat(criterion(innovative(in), "main_product_ip").value).isEqualTo(20.0);
    in.highValueClass1Ip = 0;
    in.class1Ip = 0;
    in.class2Ip = 3;
    assertThat(criterion(innovative(in), "main_product_ip").value).isEqualTo(5.0);
  }

  @Test
  void unknownRdIntensityEarnsNothingAndNeverPasses() {
    Indicators in = Firms.innovativeScorer60();
    in.rdIntensityLastYear = null;
    PoolVerdict v = innovative(in);
    CriterionResult rd = criterion(v, "rd_intensity");
    assertThat(rd.value).isEqualTo(0.0);
    assertThat(rd.valueText).isEqualTo("rd_intensity_last_year unknown");
    assertThat(rd.passed).isFalse();
    assertThat(v.score).isEqualTo(45.0);
    assertThat(v.eligible).isFalse();
  }

  @Test
  void directRouteHighTechTitleAdmitsALowScorer() {
    Indicators in = Firms.innovativeNonScorer(Firms.AS_OF_2025);
    in.titles = new TreeSet<>(Set.of("high_tech"));
    PoolVerdict v = innovative(in);
    // ① 0, ② 0, ③ -5% → 0, ④ 80% → 0, ⑤ 5, ⑥ 40% → 0
    assertThat(v.score).isEqualTo(5.0);
    assertThat(criterion(v, "qualifying_title").passed).isTrue();
    assertThat(v.eligible).isTrue();
  }

  @Test
  void directRouteProvincialAwardCountsForThreeYearsOnly() {
    Indicators in = Firms.innovativeNonScorer(Firms.AS_OF_2025);
    in.awards.add(Firms.award("provincial", 7, "2022-07-01T10:00:00+08:00"));
    assertThat(innovative(in).eligible).isTrue();
    in.awards.clear();
    in.awards.add(Firms.award("provincial", 1, "2022-06-29T10:00:00+08:00"));
    PoolVerdict v = innovative(in);
    assertThat(criterion(v, "st_award_3y").value).isEqualTo(0.0);
    assertThat(v.eligible).isFalse();
  }

  @Test
  void directRouteQualifiedFinancingFiveMillionIsInclusive() {
    Indicators in = Firms.innovativeNonScorer(Firms.AS_OF_2025);
    in.qualifiedFinancing3y = 5_000_000.0;
    assertThat(innovative(in).eligible).isTrue();
    in.qualifiedFinancing3y = 4_999_999.0;
    PoolVerdict v = innovative(in);
    assertThat(v.eligible).isFalse();
    assertThat(criterion(v, "qualified_financing_3y").shortfall).isEqualTo(1.0);
  }

  @Test
  void directRouteProvincialRdInstitution() {
    Indicators in = Firms.innovativeNonScorer(Firms.AS_OF_2025);
    in.rdInstitution = "provincial";
    assertThat(innovative(in).eligible).isTrue();
    in.rdInstitution = "city";
    assertThat(innovative(in).eligible).isFalse();
  }

  @Test
  void seriousDishonestyListingBlocksEvenADirectRoute() {
    Indicators in = Firms.innovativeScorer60();
    in.titles = new TreeSet<>(Set.of("high_tech"));
    in.onSeriousDishonestyList = true;
    PoolVerdict v = innovative(in);
    assertThat(criterion(v, "not_serious_dishonesty").passed).isFalse();
    assertThat(v.eligible).isFalse();
  }

  @Test
  void unknownListFlagNeverPasses() {
    Indicators in = Firms.innovativeScorer60();
    in.onAbnormalOperationList = null;
    PoolVerdict v = innovative(in);
    assertThat(criterion(v, "not_abnormal_operation").passed).isFalse();
    assertThat(criterion(v, "not_abnormal_operation").valueText).isNull();
    assertThat(v.eligible).isFalse();
  }

  @Test
  void majorAccidentBlocksForThreeYearsAndAGeneralOneDoesNot() {
    Indicators in = Firms.innovativeScorer60();
    in.incidents.add(Firms.incident("accident", "safety", "general", "2024-01-10T09:00:00+08:00"));
    assertThat(innovative(in).eligible).isTrue();
    in.incidents.add(Firms.incident("accident", "safety", "major", "2022-07-01T09:00:00+08:00"));
    PoolVerdict v = innovative(in);
    assertThat(criterion(v, "no_major_accident_3y").value).isEqualTo(1.0);
    assertThat(v.eligible).isFalse();
    in.incidents.remove(1);
    in.incidents.add(Firms.incident("accident", "safety", "major", "2022-06-29T09:00:00+08:00"));
    assertThat(innovative(in).eligible).isTrue();
  }

  @Test
  void techSmeTitleAdmitsUnder2026ButNotUnder2022() {
    Indicators in2022 = Firms.innovativeNonScorer(Firms.AS_OF_2025);
    in2022.titles = new TreeSet<>(Set.of("tech_sme"));
    assertThat(verdict(in2022, R2022, Pool.INNOVATIVE).eligible).isFalse();
    Indicators in2026 = Firms.innovativeNonScorer(Firms.AS_OF_2026);
    in2026.titles = new TreeSet<>(Set.of("tech_sme"));
    PoolVerdict v = verdict(in2026, R2026, Pool.INNOVATIVE);
    assertThat(v.eligible).isTrue();
    assertThat(v.ruleSet).isEqualTo("miit-2026");
  }

  @Test
  void the2026BaseTierKeepsThe2022Table() {
    Indicators in = Firms.innovativeScorer60();
    in.asOf = Firms.AS_OF_2026;
    PoolVerdict v = verdict(in, R2026, Pool.INNOVATIVE);
    assertThat(v.score).isEqualTo(60.0);
    assertThat(v.eligible).isTrue();
  }
}
