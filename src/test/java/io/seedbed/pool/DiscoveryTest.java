package io.seedbed.pool;

import static io.seedbed.pool.Fixtures.SETTINGS;
import static io.seedbed.pool.Fixtures.atLeast;
import static io.seedbed.pool.Fixtures.day;
import static io.seedbed.pool.Fixtures.firm;
import static io.seedbed.pool.Fixtures.text;
import static io.seedbed.pool.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.indicator.Indicators;
import io.seedbed.rule.Pool;
import io.seedbed.rule.PoolVerdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
  private static final Instant AT = day("2025-06-10");

  @Test
  void theWorkedExampleOfTheDocs() {
    // docs/discovery.md: srdi, 4 criteria, 3 met; R&D intensity 2.7% against 3% (10% short).
    Indicators in = firm(AT);
    in.salesGrowthYoy = 0.18;
    in.energyGrowthYoy = 0.25;
    in.rdIntensityLastYear = 0.027;
    in.rdIntensityPrevYear = 0.021;
    in.newClass1IpLast12m = 1;
    PoolVerdict v = verdict(Pool.SRDI, false, atLeast("rd_intensity_last_year", 0.027, 0.03),
        atLeast("main_revenue_growth_avg_2y", 0.12, 0.05), atLeast("class1_ip", 2.0, 1),
        text("tax_credit_level", "B", "[C, D]", true));
    Discovery.Assessment a = Discovery.assess(v, in, AT, SETTINGS);

    assertThat(a.near()).isTrue();        // 0.1 <= 0.15 margin
    assertThat(a.met()).isEqualTo(3);
    assertThat(a.total()).isEqualTo(4);
    // R&D intensity rises 0.6 points a year; 0.3 points to go -> 6 months -> 2025-12-10.
    assertThat(a.projected()).isTrue();
    assertThat(a.projectedDate()).isEqualTo("2025-12-10");
    // 100 × (0.6 × 3/4 + 0.3 × (1 − 0.1) + 0.1 × 4/4) = 45 + 27 + 10 = 82
    assertThat(a.potential()).isEqualTo(82);
  }

  @Test
  void aGapBeyondTheMarginWithTooFewCriteriaMetIsNotNear() {
    PoolVerdict v = verdict(Pool.SRDI, false, atLeast("rd_intensity_last_year", 0.02, 0.03),
        text("tax_credit_level", "B", "[C, D]", true));
    Discovery.Assessment a = Discovery.assess(v, firm(AT), AT, SETTINGS);
    assertThat(a.near()).isFalse();       // a third short, and 1 of 2 met < 0.8
    assertThat(a.projected()).isFalse();  // no R&D trend known
    // 100 × (0.6 × 0.5 + 0.3 × (1 − 1/3) + 0) = 30 + 20 = 50
    assertThat(a.potential()).isEqualTo(50);
  }

  @Test
  void meetingEnoughCriteriaIsNearEvenWithATextGap() {
    PoolVerdict v = verdict(Pool.SRDI, false, atLeast("a", 1.0, 1), atLeast("b", 1.0, 1),
        atLeast("c", 1.0, 1), atLeast("d", 1.0, 1), text("tax_credit_level", "C", "[C, D]", false));
    Discovery.Assessment a = Discovery.assess(v, firm(AT), AT, SETTINGS);
    assertThat(a.near()).isTrue();        // 4 of 5 = 0.8
    assertThat(a.projected()).isFalse();  // a text criterion cannot be projected
  }

  @Test
  void anUnknownValueIsNeverNearByMargin() {
    PoolVerdict v = verdict(Pool.SRDI, false, atLeast("rd_intensity_last_year", null, 0.03));
    Discovery.Assessment a = Discovery.assess(v, firm(AT), AT, SETTINGS);
    assertThat(a.near()).isFalse();
    assertThat(a.potential()).isEqualTo(0);
  }

  @Test
  void energyGrowingFasterThanSalesPullsTheRevenueProjectionForward() {
    Indicators in = firm(AT);
    in.salesGrowthYoy = 0.10;
    in.energyGrowthYoy = 0.30;
    // (0.10 + 0.30) / 2 = 0.20 a year on 12 M: 2.4 M a year; 3 M to go -> 15 months > 12.
    PoolVerdict v = verdict(Pool.SCALE_UP, false, atLeast("sales_ttm", 12e6, 15e6));
    assertThat(Discovery.revenueGrowth(in)).isEqualTo(0.20);
    assertThat(Discovery.monthsToPass(v.criteria.get(0), in, SETTINGS.trends())).isEqualTo(15.0);
    Discovery.Assessment a = Discovery.assess(v, in, AT, SETTINGS);
    assertThat(a.projected()).isFalse();
    assertThat(a.near()).isTrue();        // 3/15 = 0.2 <= scale_up's 0.25 margin
  }

  @Test
  void aFallingTrendProjectsNothing() {
    Indicators in = firm(AT);
    in.salesGrowthYoy = -0.05;
    PoolVerdict v = verdict(Pool.SCALE_UP, false, atLeast("sales_ttm", 12e6, 15e6));
    assertThat(Discovery.monthsToPass(v.criteria.get(0), in, SETTINGS.trends())).isNull();
  }

  @Test
  void newClassOneIpProjectsAnIpCount() {
    Indicators in = firm(AT);
    in.newClass1IpLast12m = 2;
    // 1 class I item held, 2 needed, 2 new a year -> 6 months.
    PoolVerdict v = verdict(Pool.SRDI, false, atLeast("class1_ip", 1.0, 2));
    assertThat(Discovery.monthsToPass(v.criteria.get(0), in, SETTINGS.trends())).isEqualTo(6.0);
  }

  @Test
  void theGraduationCriterionIsNotAnEntryGap() {
    PoolVerdict v = verdict(Pool.SCALE_UP, false, atLeast("sales_ttm", 14e6, 15e6),
        atLeast("graduated", 14e6, 20e6));
    Discovery.Assessment a = Discovery.assess(v, firm(AT), AT, SETTINGS);
    assertThat(a.total()).isEqualTo(1);
    assertThat(a.gaps()).extracting(c -> c.name).containsExactly("sales_ttm");
  }
}
