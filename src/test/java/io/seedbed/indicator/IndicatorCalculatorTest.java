package io.seedbed.indicator;

import static io.seedbed.ledger.Fixtures.USCC;
import static io.seedbed.ledger.Fixtures.annual;
import static io.seedbed.ledger.Fixtures.at;
import static io.seedbed.ledger.Fixtures.electricity;
import static io.seedbed.ledger.Fixtures.ip;
import static io.seedbed.ledger.Fixtures.profile;
import static io.seedbed.ledger.Fixtures.vat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.seedbed.feed.Award;
import io.seedbed.feed.AwardLevel;
import io.seedbed.feed.BankCredit;
import io.seedbed.feed.CreditRating;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.Financing;
import io.seedbed.feed.IpEventType;
import io.seedbed.feed.IpType;
import io.seedbed.feed.Penalty;
import io.seedbed.feed.PenaltyCategory;
import io.seedbed.feed.Severity;
import io.seedbed.feed.TaxCreditLevel;
import io.seedbed.feed.Title;
import io.seedbed.feed.TitleAction;
import io.seedbed.feed.TitleEvent;
import io.seedbed.ledger.Ledger;
import io.seedbed.ledger.LedgerChange;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorCalculatorTest {
  static final IndicatorSettings SETTINGS = IndicatorSettings.load(Path.of("config"));
  private static final double EPS = 1e-9;

  /**
   * A manufacturer of bearings in Donggang district (C3311), as of its latest record, a profile
   * patch on 2025-06-15 10:00 (Beijing time).
   */
  static List<FeedRecord> bearingMaker() {
    List<FeedRecord> r = new ArrayList<>();
    r.add(profile("2025-06-15T10:00", "371102", "C3311", LocalDate.of(2015, 3, 1), 50.0,
        LocalDate.of(2019, 6, 15)));
    //            year  operating main   net    assets liabs  R&D    staff R&D staff
    r.add(annual(2022, 32e6, 30e6, 3e6, 30e6, 15e6, 1.0e6, 90, 12, "2023-05-20T09:00"));
    r.add(annual(2023, 40e6, 36e6, 4e6, 35e6, 18e6, 1.6e6, 100, 18, "2024-05-20T09:00"));
    r.add(annual(2024, 50e6, 45e6, 5e6, 40e6, 20e6, 2.5e6, 120, 24, "2025-05-20T09:00"));
    // VAT 2023-06..2024-05: 4,000,000 sales and 250,000 tax a month; 2024-06..2025-05: 5,000,000 and 300,000
    for (YearMonth m = YearMonth.of(2023, 6); !m.isAfter(YearMonth.of(2025, 5)); m = m.plusMonths(1)) {
      boolean recent = !m.isBefore(YearMonth.of(2024, 6));
      r.add(vat(m.toString(), recent ? 5e6 : 4e6, recent ? 300_000 : 250_000,
          m.plusMonths(1).atDay(10) + "T10:00"));
    }
    // one year of electricity in a single reading: 1,200,000 kWh × 0.1229 kgce = 147.48 tce
    r.add(electricity("2024-06-01", "2025-05-31", 1_200_000));
    r.add(ip("ZL1", IpType.INVENTION, IpEventType.FILED, "2018-01-10T00:00"));
    r.add(ip("ZL1", IpType.INVENTION, IpEventType.GRANTED, "2020-03-01T00:00"));
    r.add(ip("ZL1", IpType.INVENTION, IpEventType.PLEDGED, "2023-01-01T00:00"));
    r.add(ip("ZL2", IpType.INVENTION, IpEventType.TRANSFERRED_IN, "2024-01-01T00:00"));
    r.add(ip("ZL3", IpType.INVENTION, IpEventType.TRANSFERRED_IN, "2025-03-01T00:00"));
    r.add(ip("UM1", IpType.UTILITY_MODEL, IpEventType.GRANTED, "2022-05-01T00:00"));
    r.add(ip("UM2", IpType.UTILITY_MODEL, IpEventType.GRANTED, "2024-01-01T00:00"));
    r.add(ip("SW1", IpType.SOFTWARE_COPYRIGHT, IpEventType.GRANTED, "2025-01-01T00:00"));
    r.add(ip("D1", IpType.DESIGN, IpEventType.GRANTED, "2019-01-01T00:00"));
    r.add(ip("D1", IpType.DESIGN, IpEventType.LAPSED, "2024-12-01T00:00"));
    r.add(new CreditRating(USCC, 2023, TaxCreditLevel.B, at("2024-04-20T00:00")));
    r.add(new CreditRating(USCC, 2024, TaxCreditLevel.A, at("2025-04-20T00:00")));
    r.add(new Financing(USCC, 3e6, true, at("2023-09-01T00:00")));
    r.add(new Financing(USCC, 2e6, false, at("2024-10-01T00:00")));
    r.add(new TitleEvent(USCC, Title.SRDI_CITY, TitleAction.GRANTED, at("2024-08-01T00:00"),
        LocalDate.of(2027, 7, 31)));
    r.add(new Award(USCC, AwardLevel.PROVINCIAL, 2, at("2023-12-01T00:00")));
    r.add(new BankCredit(USCC, LocalDate.of(2025, 6, 1), 0, 82.0));
    r.add(new Penalty(USCC, "ENV-7", PenaltyCategory.ENVIRONMENT, Severity.GENERAL,
        at("2024-02-01T00:00"), 20_000.0));
    return r;
  }

  private static Indicators compute(List<FeedRecord> records) {
    Ledger ledger = new Ledger();
    records.forEach(r -> ledger.apply(r, SETTINGS.ledger));
    return IndicatorCalculator.compute(USCC, ledger, ledger.latestEventTime(), SETTINGS);
  }

  @Test
  void everySnapshotColumnOfTheBearingMakerComputedByHand() {
    Indicators in = compute(bearingMaker());
    IndicatorSnapshot s = IndicatorSnapshot.of(in);

    assertThat(s.uscc).isEqualTo(USCC);
    assertThat(s.asOf).isEqualTo(at("2025-06-15T10:00"));
    assertThat(s.district).isEqualTo("371102");
    assertThat(s.industry).isEqualTo("C3311");
    // industry, 120 staff (< 300 for medium, >= 20) and 5000万 revenue (>= 300万): small
    assertThat(s.smeClass).isEqualTo("small");
    // 12 × 5,000,000
    assertThat(s.salesTtm).isEqualTo(60_000_000.0);
    // (60,000,000 − 12 × 4,000,000) ÷ 48,000,000
    assertThat(s.salesGrowthYoy).isCloseTo(0.25, within(EPS));
    // last year = 2024 (latest return before 2025)
    assertThat(s.operatingRevenueLastYear).isEqualTo(50_000_000.0);
    // 45 M ÷ 50 M
    assertThat(s.mainBusinessShare).isCloseTo(0.9, within(EPS));
    // (50 M − 40 M) ÷ 40 M
    assertThat(s.revenueGrowthLastYear).isCloseTo(0.25, within(EPS));
    // sqrt(50 M ÷ 32 M) − 1 = 1.25 − 1
    assertThat(s.revenueCagr2y).isCloseTo(0.25, within(EPS));
    // 5 M ÷ 50 M
    assertThat(s.netMargin).isCloseTo(0.1, within(EPS));
    // 20 M ÷ 40 M
    assertThat(s.debtRatio).isCloseTo(0.5, within(EPS));
    assertThat(s.rdExpenseLastYear).isEqualTo(2_500_000.0);
    // 2.5 M ÷ 50 M; previous year 1.6 M ÷ 40 M
    assertThat(s.rdIntensityLastYear).isCloseTo(0.05, within(EPS));
    assertThat(s.rdIntensityPrevYear).isCloseTo(0.04, within(EPS));
    // 24 ÷ 120
    assertThat(s.rdStaffShare).isCloseTo(0.2, within(EPS));
    // class I: ZL1 (granted) and ZL2 (transferred in 2024-01-01, counts from 2025-01-01);
    // ZL3 was transferred in less than a year ago
    assertThat(s.class1Ip).isEqualTo(2);
    // class II: UM1 (granted 2022-05-01, maintained > 2 years) and SW1 (software, no age rule);
    // UM2 is only 1.45 years old and D1 lapsed
    assertThat(s.class2Ip).isEqualTo(2);
    assertThat(s.inventionPatents).isEqualTo(2);
    // the one reading covers 2024-06..2025-05, the 12 months ending at the latest VAT month
    assertThat(s.energyTceTtm).isCloseTo(147.48, within(EPS));
    // 60,000,000 ÷ 147.48
    assertThat(s.salesPerTce).isCloseTo(406_834.8250610253, within(1e-6));
    // 12 × 300,000
    assertThat(s.taxPaidTtm).isEqualTo(3_600_000.0);
    // 3,600,000 ÷ 50 mu; 60,000,000 ÷ 50 mu
    assertThat(s.taxPerMu).isCloseTo(72_000.0, within(EPS));
    assertThat(s.salesPerMu).isCloseTo(1_200_000.0, within(EPS));
    // rated year 2024 is the latest
    assertThat(s.taxCreditLevel).isEqualTo("A");
    // 2015-03-01 → 2025-06-15 = 3,759 days ÷ 365.25 = 10.2916 → 10.29
    assertThat(s.yearsRegistered).isEqualTo(10.29);
    // 2019-06-15 → 2025-06-15 = 2,192 days ÷ 365.25 = 6.0014 → 6.00
    assertThat(s.yearsInNiche).isEqualTo(6.0);
    // since 2023-06-15 10:00: 3,000,000 (2023-09-01) + 2,000,000 (2024-10-01)
    assertThat(s.equityFinancing2y).isEqualTo(5_000_000.0);
  }

  @Test
  void theExtraIndicatorsOfTheBearingMaker() {
    Indicators in = compute(bearingMaker());
    assertThat(in.lastYear).isEqualTo(2024);
    assertThat(in.employees).isEqualTo(120);
    assertThat(in.industrySection).isEqualTo("industry");
    // (45 − 36) ÷ 36 = 0.25; (36 − 30) ÷ 30 = 0.2; mean 0.225
    assertThat(in.mainRevenueGrowthLastYear).isCloseTo(0.25, within(EPS));
    assertThat(in.mainRevenueGrowthAvg2y).isCloseTo(0.225, within(EPS));
    // operating revenue growth 2024: 0.25, 2023: (40 − 32) ÷ 32 = 0.25
    assertThat(in.revenueGrowthMin2y).isCloseTo(0.25, within(EPS));
    // sqrt(5 M ÷ 3 M) − 1
    assertThat(in.netProfitCagr2y).isCloseTo(Math.sqrt(5.0 / 3.0) - 1, within(EPS));
    assertThat(in.salesPrevTtm).isEqualTo(48_000_000.0);
    // no energy readings before 2024-06: the previous 12 months are unknown
    assertThat(in.energyTcePrevTtm).isNull();
    assertThat(in.energyGrowthYoy).isNull();
    assertThat(in.latestVatMonth).isEqualTo("2025-05");
    // ZL1 is pledged: high-value; only ZL1 was filed by the enterprise itself
    assertThat(in.highValueClass1Ip).isEqualTo(1);
    assertThat(in.selfDevelopedClass1Ip).isEqualTo(1);
    assertThat(in.utilityModels).isEqualTo(2);
    assertThat(in.softwareCopyrights).isEqualTo(1);
    // ZL2 started to count on 2025-01-01, inside the last 12 months
    assertThat(in.newClass1IpLast12m).isEqualTo(1);
    assertThat(in.abnormalIpFilings).isZero();
    // 2019-06-15 → 2024-12-31 = 2,026 days ÷ 365.25 = 5.547 → 5.55
    assertThat(in.yearsInNicheLastYearEnd).isEqualTo(5.55);
    assertThat(in.qualifiedFinancing2y).isEqualTo(3_000_000.0);
    assertThat(in.qualifiedFinancing3y).isEqualTo(3_000_000.0);
    assertThat(in.titles).containsExactly("srdi_city");
    assertThat(in.awards).singleElement().satisfies(a -> assertThat(a.rank).isEqualTo(2));
    assertThat(in.incidents).extracting(f -> f.id).containsExactly("credit/penalty/ENV-7");
    assertThat(in.bankOverdueDays).isZero();
    assertThat(in.creditScore).isEqualTo(82.0);
    assertThat(in.onAbnormalOperationList).isFalse();
    assertThat(in.taxCreditYear).isEqualTo(2024);
  }

  @Test
  void financingBeforeTheLookBackIsIgnoredWhateverTheOrder() {
    List<FeedRecord> records = bearingMaker();
    FeedRecord old = new Financing(USCC, 10e6, true, at("2022-01-01T00:00"));
    Ledger ledger = new Ledger();
    records.forEach(r -> ledger.apply(r, SETTINGS.ledger));
    assertThat(ledger.apply(old, SETTINGS.ledger)).isEqualTo(LedgerChange.OUTSIDE_WINDOW);
    List<FeedRecord> oldFirst = new ArrayList<>(records);
    oldFirst.add(0, old);
    assertThat(compute(oldFirst).qualifiedFinancing3y).isEqualTo(3_000_000.0);
  }

  @Test
  void unknownInputsGiveNullAndKnownAbsenceGivesZero() {
    Indicators in = compute(List.of(profile("2025-06-15T10:00", "371102", null, null, null, null)));
    assertThat(in.salesTtm).isNull();
    assertThat(in.salesGrowthYoy).isNull();
    assertThat(in.operatingRevenueLastYear).isNull();
    assertThat(in.smeClass).isNull();
    assertThat(in.energyTceTtm).isNull();
    assertThat(in.taxPerMu).isNull();
    assertThat(in.yearsRegistered).isNull();
    assertThat(in.taxCreditLevel).isNull();
    assertThat(in.industrySection).isNull();
    // an enterprise with no IP events and no financing is known to have none
    assertThat(in.class1Ip).isZero();
    assertThat(in.class2Ip).isZero();
    assertThat(in.equityFinancing2y).isZero();
    assertThat(in.onSeriousDishonestyList).isFalse();
  }

  @Test
  void elevenMonthsOfVatGiveNoTrailingTwelveMonths() {
    List<FeedRecord> records = new ArrayList<>();
    for (int month = 1; month <= 11; month++) {
      records.add(vat(YearMonth.of(2025, month).toString(), 1e6, 1e4, "2025-12-10T10:00"));
    }
    Indicators in = compute(records);
    assertThat(in.latestVatMonth).isEqualTo("2025-11");
    assertThat(in.salesTtm).isNull();
    assertThat(in.taxPaidTtm).isNull();
  }

  @Test
  void aZeroDenominatorGivesNull() {
    List<FeedRecord> records = new ArrayList<>();
    records.add(annual(2024, 0, 0, -1e5, 0, 1e5, 0, 0, 0, "2025-05-01T00:00"));
    Indicators in = compute(records);
    assertThat(in.operatingRevenueLastYear).isZero();
    assertThat(in.mainBusinessShare).isNull();
    assertThat(in.debtRatio).isNull();
    assertThat(in.rdStaffShare).isNull();
  }
}
