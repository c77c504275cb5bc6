package io.seedbed.rule;

import io.seedbed.indicator.Indicators;
import io.seedbed.ledger.AwardFact;
import io.seedbed.ledger.IncidentFact;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hand-built enterprises for the golden rule tests. Every value is chosen so that the expected
 * points and verdicts can be worked out from criteria.md by hand (see each method's comment).
 */
final class Firms {
  /** Evaluation time under miit-2022. */
  static final Instant AS_OF_2025 = Instant.parse("2025-06-30T04:00:00Z");
  /** Evaluation time under miit-2026. */
  static final Instant AS_OF_2026 = Instant.parse("2026-06-30T04:00:00Z");

  private Firms() {}

  static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  /**
   * A small industrial SME that passes every common condition (§1) and every Rizhao gate: 5 years
   * registered, legal person, small, revenue 30 M, ISO9001, tax credit B, on no list, no incidents.
   */
  static Indicators cleanSme(Instant asOf) {
    Indicators i = new Indicators();
    i.uscc = "91371100MA3C000001";
    i.asOf = asOf;
    i.district = "371102";
    i.industry = "C3311";
    i.industrySection = "industry";
    i.legalPerson = true;
    i.status = "active";
    i.smeClass = "small";
    i.yearsRegistered = 5.0;
    i.employees = 120;
    i.certifications = new TreeSet<>(Set.of("ISO9001"));
    i.listingStage = "none";
    i.taxCreditLevel = "B";
    i.onAbnormalOperationList = false;
    i.onSeriousDishonestyList = false;
    i.onDishonestDebtorList = false;
    i.operatingRevenueLastYear = 30_000_000.0;
    return i;
  }

  /**
   * 创新型 exactly on 60 (§2.2): ① one class-I IP → 10, ② R&D 3% → 15 (capacity 25 ≥ 20);
   * ③ main growth 10% → 15, ④ debt 60% → 5 (growth 20 ≥ 15); ⑤ no strategic tag → 5,
   * ⑥ main share 55% → 10 (specialisation 15 ≥ 15). Total 60.
   */
  static Indicators innovativeScorer60() {
    Indicators i = cleanSme(AS_OF_2025);
    i.highValueClass1Ip = 0;
    i.selfDevelopedClass1Ip = 0;
    i.class1Ip = 1;
    i.class2Ip = 0;
    i.rdIntensityLastYear = 0.03;
    i.mainRevenueGrowthLastYear = 0.10;
    i.debtRatio = 0.60;
    i.mainBusinessShare = 0.55;
    return i;
  }

  /** No score to speak of: no IP, no R&D, shrinking, indebted; only the direct routes can admit it. */
  static Indicators innovativeNonScorer(Instant asOf) {
    Indicators i = cleanSme(asOf);
    i.class1Ip = 0;
    i.class2Ip = 0;
    i.highValueClass1Ip = 0;
    i.selfDevelopedClass1Ip = 0;
    i.rdIntensityLastYear = 0.0;
    i.mainRevenueGrowthLastYear = -0.05;
    i.debtRatio = 0.80;
    i.mainBusinessShare = 0.40;
    return i;
  }

  /**
   * 专精特新 2022 scoring 67 (§3.2). 专业化: share 85% → 5, growth 9% → 8, 6.5 years → 3,
   * key_chain → 5 = 21. 精细化: digital 3 → 5, ISO9001 + brand = 2 items × 3 capped → 5,
   * margin 7% → 6, debt 45% → 5 = 21. 特色化: share 12% → 4, not listed → 0 = 4. 创新能力:
   * self-developed class-I → 8, R&D 3.5 M (5%) → 6, staff 15% → 3, city institution → 4 = 21.
   * Hard conditions (§3.1): 6.5 ≥ 2 years, R&D 3.5 M ≥ 1 M and 5% ≥ 3%, revenue 70 M ≥ 10 M.
   */
  static Indicators srdiScorer2022() {
    Indicators i = cleanSme(AS_OF_2025);
    i.operatingRevenueLastYear = 70_000_000.0;
    i.mainBusinessShare = 0.85;
    i.mainRevenueGrowthAvg2y = 0.09;
    i.yearsInNiche = 6.5;
    i.productTags = new TreeSet<>(Set.of("key_chain"));
    i.digitalLevel = 3;
    i.ownBrand = true;
    i.netMargin = 0.07;
    i.debtRatio = 0.45;
    i.marketShare = 0.12;
    i.highValueClass1Ip = 0;
    i.selfDevelopedClass1Ip = 1;
    i.class1Ip = 1;
    i.class2Ip = 2;
    i.rdExpenseLastYear = 3_500_000.0;
    i.rdExpensePrevYear = 3_000_000.0;
    i.rdIntensityLastYear = 0.05;
    i.rdStaffShare = 0.15;
    i.rdInstitution = "city";
    return i;
  }

  /**
   * 专精特新 2026 exactly on every bound (§3.3): 创新型 title, 3 years, revenue 15 M, share 80%,
   * debt 80%, R&D 1 M and 3% in each year, 1 class-I IP, national rank 8, development score 50.
   */
  static Indicators srdiOnBounds2026() {
    Indicators i = cleanSme(AS_OF_2026);
    i.titles = new TreeSet<>(Set.of("innovative_sme"));
    i.yearsInNiche = 3.0;
    i.operatingRevenueLastYear = 15_000_000.0;
    i.mainBusinessShare = 0.80;
    i.debtRatio = 0.80;
    i.rdExpenseLastYear = 1_000_000.0;
    i.rdExpensePrevYear = 1_200_000.0;
    i.rdIntensityLastYear = 0.03;
    i.rdIntensityPrevYear = 0.04;
    i.class1Ip = 1;
    i.marketRank = 8;
    i.developmentScore = 50.0;
    return i;
  }

  /**
   * 小巨人 2022 (§4.1), revenue 120 M: 4 years, share 75%, growth 6%; digital 2, ISO9001, debt
   * 50%; share 12%, own brand; R&D 4% and 3.5% (≥ 3% each year), provincial institution, 3 class-I
   * IP; key_chain product.
   */
  static Indicators littleGiant2022() {
    Indicators i = cleanSme(AS_OF_2025);
    i.smeClass = "medium";
    i.operatingRevenueLastYear = 120_000_000.0;
    i.yearsInNiche = 4.0;
    i.mainBusinessShare = 0.75;
    i.mainRevenueGrowthAvg2y = 0.06;
    i.digitalLevel = 2;
    i.debtRatio = 0.50;
    i.marketShare = 0.12;
    i.ownBrand = true;
    i.rdIntensityLastYear = 0.04;
    i.rdIntensityPrevYear = 0.035;
    i.rdInstitution = "provincial";
    i.class1Ip = 3;
    i.productTags = new TreeSet<>(Set.of("key_chain"));
    return i;
  }

  /**
   * 小巨人 2026 (§4.2): provincial 专精特新, 4 years, revenue 60 M, share 92%, CAGR 6%, debt 60%,
   * R&D 7 M + 6 M = 13 M (11.7% and 12%), 4 class-I IP, national rank 2, six_foundations, score 60.
   */
  static Indicators littleGiant2026() {
    Indicators i = cleanSme(AS_OF_2026);
    i.smeClass = "medium";
    i.titles = new TreeSet<>(Set.of("srdi_provincial"));
    i.yearsInNiche = 4.0;
    i.operatingRevenueLastYear = 60_000_000.0;
    i.mainBusinessShare = 0.92;
    i.revenueCagr2y = 0.06;
    i.debtRatio = 0.60;
    i.rdExpenseLastYear = 7_000_000.0;
    i.rdExpensePrevYear = 6_000_000.0;
    i.rdIntensityLastYear = 7.0 / 60;
    i.rdIntensityPrevYear = 0.12;
    i.class1Ip = 4;
    i.marketRank = 2;
    i.productTags = new TreeSet<>(Set.of("six_foundations"));
    i.developmentScore = 60.0;
    return i;
  }

  /** 单项冠军 (§6): 12 years in the field, global rank 2, main revenue 450 M, focus 80%. */
  static Indicators champion() {
    Indicators i = cleanSme(AS_OF_2025);
    i.smeClass = "large";
    i.yearsInNiche = 12.0;
    i.marketRank = 2;
    i.mainBusinessRevenueLastYear = 450_000_000.0;
    i.mainBusinessShare = 0.80;
    return i;
  }

  /**
   * Shandong 瞪羚 (§5.1) with revenue 50 M (band 20–100 M → growth ≥ 20%; < 100 M → R&D ≥ 5%):
   * growth 22% in both years, R&D 6% and 5.5%, 3 invention patents, debt 50%, credit 80.
   */
  static Indicators gazelle() {
    Indicators i = cleanSme(AS_OF_2025);
    i.productTags = new TreeSet<>(Set.of("strategic_emerging"));
    i.operatingRevenueLastYear = 50_000_000.0;
    i.revenueGrowthMin2y = 0.22;
    i.rdIntensityLastYear = 0.06;
    i.rdIntensityPrevYear = 0.055;
    i.inventionPatents = 3;
    i.debtRatio = 0.50;
    i.creditScore = 80.0;
    return i;
  }

  /** 独角兽 (§5.2, Shandong 2018): 8 years, unlisted, US$1.2 bn, credit 80, financed. */
  static Indicators unicorn() {
    Indicators i = cleanSme(AS_OF_2025);
    i.yearsRegistered = 8.0;
    i.valuationUsd = 1_200_000_000.0;
    i.creditScore = 80.0;
    i.equityFinancing2y = 300_000_000.0;
    return i;
  }

  /** 小升规 (§9): industrial, TTM sales 16 M, last-year main revenue 14 M. */
  static Indicators scaleUp() {
    Indicators i = cleanSme(AS_OF_2025);
    i.salesTtm = 16_000_000.0;
    i.mainBusinessRevenueLastYear = 14_000_000.0;
    return i;
  }

  /** 上市后备: provincial 专精特新 title, revenue 60 M, profit 6 M, CAGR 12%. */
  static Indicators listingReserve() {
    Indicators i = cleanSme(AS_OF_2025);
    i.titles = new TreeSet<>(Set.of("srdi_provincial"));
    i.operatingRevenueLastYear = 60_000_000.0;
    i.netProfitLastYear = 6_000_000.0;
    i.revenueCagr2y = 0.12;
    return i;
  }

  static IncidentFact incident(String type, String category, String severity, String at) {
    return new IncidentFact(type + "-" + at, type, category, severity, at(at), "test");
  }

  static AwardFact award(String level, int rank, String at) {
    return new AwardFact(level, rank, at(at));
  }
}
