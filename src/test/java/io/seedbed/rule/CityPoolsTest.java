package io.seedbed.rule;

import static io.seedbed.rule.Rules.R2022;
import static io.seedbed.rule.Rules.R2026;
import static io.seedbed.rule.Rules.criterion;
import static io.seedbed.rule.Rules.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.indicator.Indicators;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Rizhao's gates and own pools (criteria.md §1 Rizhao plan, §5, §9) and suspension windows. */
class CityPoolsTest {

  @Test
  void gazelleWithRevenue50MillionNeedsTwentyPercentGrowth() {
    PoolVerdict v = verdict(Firms.gazelle(), R2022, Pool.GAZELLE);
    assertThat(criterion(v, "growth_by_revenue").threshold).isEqualTo(20_000_000.0);
    assertThat(v.eligible).isTrue();
    Indicators in = Firms.gazelle();
    in.revenueGrowthMin2y = 0.19;
    assertThat(verdict(in, R2022, Pool.GAZELLE).eligible).isFalse();
    in.netProfitCagr2y = 0.20; // net profit growth is the alternative
    assertThat(verdict(in, R2022, Pool.GAZELLE).eligible).isTrue();
  }

  @Test
  void gazelleAt100MillionNeedsFifteenPercentGrowthAndTwoPointFivePercentRd() {
    Indicators in = Firms.gazelle();
    in.operatingRevenueLastYear = 100_000_000.0;
    in.revenueGrowthMin2y = 0.15;
    in.rdIntensityLastYear = 0.025;
    in.rdIntensityPrevYear = 0.03;
    PoolVerdict v = verdict(in, R2022, Pool.GAZELLE);
    assertThat(criterion(v, "growth_by_revenue").threshold).isEqualTo(100_000_000.0);
    assertThat(criterion(v, "rd_by_revenue").threshold).isEqualTo(100_000_000.0);
    assertThat(v.eligible).isTrue();
  }

  @Test
  void gazelleBelowTheLowestRevenueBandFails() {
    Indicators in = Firms.gazelle();
    in.operatingRevenueLastYear = 9_000_000.0;
    PoolVerdict v = verdict(in, R2022, Pool.GAZELLE);
    assertThat(criterion(v, "growth_by_revenue").thresholdText).isEqualTo("below the lowest band");
    assertThat(v.eligible).isFalse();
  }

  @Test
  void gazelleExcludesFinanceAndAcceptsEightUtilityModelsAndSoftware() {
    Indicators in = Firms.gazelle();
    in.inventionPatents = 1;
    in.utilityModels = 5;
    in.softwareCopyrights = 3;
    assertThat(verdict(in, R2022, Pool.GAZELLE).eligible).isTrue();
    in.industry = "J6620";
    assertThat(criterion(verdict(in, R2022, Pool.GAZELLE), "field_excluded").passed).isFalse();
  }

  @Test
  void unicornValuationMustExceedOneBillionDollars() {
    assertThat(verdict(Firms.unicorn(), R2022, Pool.UNICORN).eligible).isTrue();
    Indicators in = Firms.unicorn();
    in.valuationUsd = 1_000_000_000.0;
    assertThat(verdict(in, R2022, Pool.UNICORN).eligible).isFalse();
  }

  @Test
  void scaleUpMemberInTheApproachBand() {
    PoolVerdict v = verdict(Firms.scaleUp(), R2022, Pool.SCALE_UP);
    assertThat(v.eligible).isTrue();
    assertThat(v.graduated).isFalse();
    Indicators below = Firms.scaleUp();
    below.salesTtm = 14_900_000.0;
    PoolVerdict w = verdict(below, R2022, Pool.SCALE_UP);
    assertThat(w.eligible).isFalse();
    assertThat(w.graduated).isFalse();
    assertThat(criterion(w, "approach_band").shortfall).isEqualTo(100_000.0);
  }

  @Test
  void scaleUpReaching20MillionMainRevenueGraduates() {
    Indicators in = Firms.scaleUp();
    in.salesTtm = 22_000_000.0;
    in.mainBusinessRevenueLastYear = 20_000_000.0;
    PoolVerdict v = verdict(in, R2022, Pool.SCALE_UP);
    assertThat(v.graduated).isTrue();
    assertThat(v.eligible).isFalse();
    assertThat(criterion(v, "main_revenue_20m").passed).isTrue();
  }

  @Test
  void scaleUpIsForIndustrialFirmsOnly() {
    Indicators in = Firms.scaleUp();
    in.industrySection = "software";
    assertThat(verdict(in, R2022, Pool.SCALE_UP).eligible).isFalse();
  }

  @Test
  void listingReserveByTitleAndThresholds() {
    assertThat(verdict(Firms.listingReserve(), R2022, Pool.LISTING_RESERVE).eligible).isTrue();
    Indicators in = Firms.listingReserve();
    in.netProfitLastYear = 4_900_000.0;
    assertThat(verdict(in, R2022, Pool.LISTING_RESERVE).eligible).isFalse();
    assertThat(R2022.pool(Pool.LISTING_RESERVE).target()).isEqualTo(50);
  }

  @Test
  void listingReserveAcceptsSrdiPoolMembershipWithoutATitle() {
    Indicators in = Firms.srdiScorer2022(); // eligible for srdi with 67 points
    in.netProfitLastYear = 6_000_000.0;
    in.revenueCagr2y = 0.10;
    PoolVerdict v = verdict(in, R2022, Pool.LISTING_RESERVE);
    assertThat(criterion(v, "tier_title").passed).isFalse();
    assertThat(criterion(v, "tier_pool").valueText).isEqualTo("[srdi]");
    assertThat(v.eligible).isTrue();
  }

  @Test
  void taxCreditCFailsTheRizhaoGateButNotTheUngatedBaseTier() {
    Indicators in = Firms.srdiScorer2022();
    in.taxCreditLevel = "C";
    assertThat(verdict(in, R2022, Pool.SRDI).eligible).isFalse();
    assertThat(criterion(verdict(in, R2022, Pool.SRDI), "tax_credit_good").passed).isFalse();
    Indicators base = Firms.innovativeScorer60();
    base.taxCreditLevel = "C";
    assertThat(verdict(base, R2022, Pool.INNOVATIVE).eligible).isTrue();
  }

  @Test
  void aGeneralEnvironmentalPenaltyWithinTwoYearsFailsTheGates() {
    Indicators in = Firms.srdiScorer2022();
    in.incidents.add(Firms.incident("penalty", "environment", "general",
        "2023-07-01T09:00:00+08:00"));
    PoolVerdict v = verdict(in, R2022, Pool.SRDI);
    assertThat(criterion(v, "no_accident_or_penalty_2y").value).isEqualTo(1.0);
    assertThat(v.eligible).isFalse();
    in.incidents.clear();
    in.incidents.add(Firms.incident("penalty", "environment", "general",
        "2023-06-29T09:00:00+08:00"));
    assertThat(verdict(in, R2022, Pool.SRDI).eligible).isTrue();
  }

  @Test
  void gatesNeedTwoYearsRegisteredAndAQualityCertificate() {
    Indicators young = Firms.srdiScorer2022();
    young.yearsRegistered = 1.9;
    assertThat(verdict(young, R2022, Pool.SRDI).eligible).isFalse();
    Indicators uncertified = Firms.srdiScorer2022();
    uncertified.certifications = new TreeSet<>(Set.of("ISO14001"));
    PoolVerdict v = verdict(uncertified, R2022, Pool.SRDI);
    assertThat(criterion(v, "quality_certification").passed).isFalse();
    assertThat(v.eligible).isFalse();
  }

  @Test
  void suspensionIsThreeYearsOfMajorIncidentsForMiitTiersAndTwoYearsOfAnyForCityPools() {
    Instant asOf = Firms.AS_OF_2026;
    Indicators in = new Indicators();
    in.incidents.add(Firms.incident("penalty", "environment", "general", "2025-01-10T09:00:00+08:00"));
    // A general penalty: the city pools look back 2 years at any severity (§1 Rizhao plan) ...
    assertThat(R2026.pool(Pool.GAZELLE).suspensionAt(in, asOf))
        .isEqualTo(new Suspension(true, Firms.at("2027-01-10T09:00:00+08:00")));
    // ... the MIIT tiers only at major ones (§1 #5); gated srdi fails the city gate as a criterion.
    assertThat(R2026.pool(Pool.SRDI).suspensionAt(in, asOf)).isEqualTo(Suspension.NONE);
    assertThat(R2026.pool(Pool.INNOVATIVE).suspensionAt(in, asOf)).isEqualTo(Suspension.NONE);
    in.incidents.add(Firms.incident("accident", "safety", "major", "2025-01-10T09:00:00+08:00"));
    assertThat(R2026.pool(Pool.SRDI).suspensionAt(in, asOf))
        .isEqualTo(new Suspension(true, Firms.at("2028-01-10T09:00:00+08:00")));
    assertThat(R2026.pool(Pool.GAZELLE).suspensionAt(in, asOf))
        .isEqualTo(new Suspension(true, Firms.at("2027-01-10T09:00:00+08:00")));
    // A credit listing blocks every pool while listed, with no known end.
    in.onDishonestDebtorList = true;
    assertThat(R2026.pool(Pool.SRDI).suspensionAt(in, asOf)).isEqualTo(new Suspension(true, null));
    assertThat(R2026.pool(Pool.SCALE_UP).suspensionAt(in, asOf)).isEqualTo(new Suspension(true, null));
  }
}
