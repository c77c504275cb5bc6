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

/** 小巨人 (criteria.md §4.1, §4.2) and 单项冠军 (§6). */
class LittleGiantAndChampionRulesTest {

  private static PoolVerdict giant2022(Indicators in) {
    return verdict(in, R2022, Pool.LITTLE_GIANT);
  }

  @Test
  void the2022GeneralRouteWithRevenueAbove100MillionNeedsThreePercentEachYear() {
    PoolVerdict v = giant2022(Firms.littleGiant2022());
    CriterionResult band = criterion(v, "rd_by_revenue");
    assertThat(band.value).isEqualTo(120_000_000.0);
    assertThat(band.threshold).isEqualTo(100_000_000.0);
    assertThat(criterion(v, "rd_intensity_each_2y").value).isEqualTo(0.035);
    assertThat(v.eligible).isTrue();
    assertThat(v.score).isNull();
  }

  @Test
  void revenueExactly100MillionTakesTheUpperBand() {
    Indicators in = Firms.littleGiant2022();
    in.operatingRevenueLastYear = 100_000_000.0;
    PoolVerdict v = giant2022(in);
    assertThat(criterion(v, "rd_by_revenue").threshold).isEqualTo(100_000_000.0);
    assertThat(v.eligible).isTrue();
  }

  @Test
  void revenueBetween50And100MillionNeedsSixPercentEachYear() {
    Indicators in = Firms.littleGiant2022();
    in.operatingRevenueLastYear = 80_000_000.0;
    PoolVerdict v = giant2022(in);
    assertThat(criterion(v, "rd_intensity_each_2y").threshold).isEqualTo(0.06);
    assertThat(v.eligible).isFalse();
    in.rdIntensityLastYear = 0.07;
    in.rdIntensityPrevYear = 0.06;
    assertThat(giant2022(in).eligible).isTrue();
  }

  @Test
  void revenueBelow50MillionNeedsFinancingRdTotalAndStaff() {
    Indicators in = Firms.littleGiant2022();
    in.operatingRevenueLastYear = 40_000_000.0;
    in.qualifiedFinancing2y = 80_000_000.0;
    in.rdExpenseLastYear = 16_000_000.0;
    in.rdExpensePrevYear = 14_000_000.0;
    in.rdStaffShare = 0.50;
    PoolVerdict v = giant2022(in);
    assertThat(criterion(v, "rd_by_revenue").thresholdText).isEqualTo("otherwise");
    assertThat(criterion(v, "rd_expense_2y_total").value).isEqualTo(30_000_000.0);
    assertThat(v.eligible).isTrue();
    in.rdStaffShare = 0.49;
    assertThat(giant2022(in).eligible).isFalse();
  }

  @Test
  void nationalAwardTopThreeIsTheDirectInnovationRoute() {
    Indicators in = Firms.littleGiant2022();
    in.class1Ip = 1; // general route fails on IP
    assertThat(giant2022(in).eligible).isFalse();
    in.awards.add(Firms.award("national", 3, "2024-01-15T10:00:00+08:00"));
    PoolVerdict v = giant2022(in);
    assertThat(criterion(v, "innovation_general").passed).isFalse();
    assertThat(criterion(v, "national_award_top3_3y").passed).isTrue();
    assertThat(v.eligible).isTrue();
  }

  @Test
  void unknownMarketShareFailsTheDistinctivenessDimension() {
    Indicators in = Firms.littleGiant2022();
    in.marketShare = null;
    PoolVerdict v = giant2022(in);
    assertThat(criterion(v, "distinctiveness").passed).isFalse();
    assertThat(v.eligible).isFalse();
  }

  @Test
  void the2026SevenConditionsHold() {
    PoolVerdict v = verdict(Firms.littleGiant2026(), R2026, Pool.LITTLE_GIANT);
    assertThat(criterion(v, "rd_expense_2y_total").value).isEqualTo(13_000_000.0);
    assertThat(v.eligible).isTrue();
  }

  @Test
  void the2026RulesRequireTheProvincialSrdiTitle() {
    Indicators in = Firms.littleGiant2026();
    in.titles = new TreeSet<>();
    PoolVerdict v = verdict(in, R2026, Pool.LITTLE_GIANT);
    assertThat(criterion(v, "srdi_title").passed).isFalse();
    assertThat(v.eligible).isFalse();
  }

  @Test
  void the2026IpConditionIsWaivedByANationalAwardTopThree() {
    Indicators in = Firms.littleGiant2026();
    in.class1Ip = 3;
    assertThat(verdict(in, R2026, Pool.LITTLE_GIANT).eligible).isFalse();
    in.awards.add(Firms.award("national", 3, "2025-03-01T10:00:00+08:00"));
    assertThat(verdict(in, R2026, Pool.LITTLE_GIANT).eligible).isTrue();
  }

  @Test
  void the2026DevelopmentScoreFor小巨人Is60() {
    Indicators in = Firms.littleGiant2026();
    in.developmentScore = 59.0;
    PoolVerdict v = verdict(in, R2026, Pool.LITTLE_GIANT);
    assertThat(criterion(v, "development_score").shortfall).isEqualTo(1.0);
    assertThat(v.eligible).isFalse();
  }

  @Test
  void championNeedsGlobalTopThree() {
    assertThat(verdict(Firms.champion(), R2022, Pool.CHAMPION).eligible).isTrue();
    Indicators in = Firms.champion();
    in.marketRank = 4;
    assertThat(verdict(in, R2022, Pool.CHAMPION).eligible).isFalse();
  }

  @Test
  void championRevenueFloorIs200MillionForProvincialSrdiFirms() {
    Indicators in = Firms.champion();
    in.mainBusinessRevenueLastYear = 250_000_000.0;
    assertThat(verdict(in, R2022, Pool.CHAMPION).eligible).isFalse();
    in.titles = new TreeSet<>(Set.of("srdi_provincial"));
    assertThat(verdict(in, R2022, Pool.CHAMPION).eligible).isTrue();
  }
}
