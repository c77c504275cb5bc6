package io.seedbed.cli.generate;

import io.seedbed.feed.ListingStage;
import io.seedbed.feed.RdInstitution;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One synthetic enterprise: its fixed traits (drawn once by {@link FirmFactory}) and the pure
 * functions that turn them into monthly sales and yearly accounts. Every feed generator reads the
 * same figures, so VAT, annual returns and energy use tell one consistent story.
 */
final class Firm {
  /** Seasonal factors Jan..Dec (sum 12): the Chinese New Year dip in February and the year-end peak. */
  private static final double[] SEASON = {0.92, 0.62, 1.0, 1.0, 1.02, 1.03, 0.97, 0.98, 1.03, 1.05, 1.08, 1.30};

  int index;
  long seed;
  String uscc;
  String name;
  Catalog.District district;
  Catalog.Industry industry;
  LocalDate registeredAt;
  /** Null while the firm lives through the whole range. */
  LocalDate deregisteredAt;
  /** The final {@code status} once {@link #deregisteredAt} is set: {@code deregistered} or {@code revoked}. */
  String closedAs;
  Archetype archetype;
  Archetype.Flaw flaw = Archetype.Flaw.NONE;
  boolean legalPerson;

  /** Annual revenue run-rate (yuan) per calendar year, from {@link #firstYear}. */
  int firstYear;
  double[] revenue;
  double mainShare;
  double netMargin;
  double assetRatio;
  double leverage;
  double rdRatio;
  double revenuePerEmployee;
  double rdStaffShare;
  double taxRate;
  double seasonality;
  double kwhPerYuan;

  LocalDate nicheSince;
  List<String> certifications;
  List<String> productTags;
  int digitalLevel;
  RdInstitution rdInstitution;
  boolean ownBrand;
  ListingStage listing;
  Double landAreaMu;
  Double marketShare;
  Integer marketRank;
  /** Composite bank credit score around which quarterly scores wander. */
  double bankScore;
  /** Expected filings a year by IP type. */
  double inventionsPerYear;
  double utilityModelsPerYear;
  double designsPerYear;
  double softwarePerYear;
  boolean dailyMeter;
  /** Day of month the meter is read (1 = calendar months, 15 = 15th to 14th). */
  int meterDay;
  /** For unicorn candidates: the valuation (USD) reached by the last financing round. */
  double valuationUsd;

  boolean alive(LocalDate date) {
    return !date.isBefore(registeredAt) && (deregisteredAt == null || date.isBefore(deregisteredAt));
  }

  /** VAT sales (销售额) of a month; 0 before registration and after deregistration. */
  double monthlySales(YearMonth month) {
    YearMonth reg = YearMonth.from(registeredAt);
    if (month.isBefore(reg) || (deregisteredAt != null && month.isAfter(YearMonth.from(deregisteredAt)))) {
      return 0;
    }
    double rate = revenue[Math.min(Math.max(month.getYear() - firstYear, 0), revenue.length - 1)] / 12.0;
    double season = 1 + seasonality * (SEASON[month.getMonthValue() - 1] - 1);
    double noise = 1 + 0.16 * (Rng.hashUnit(seed ^ (month.getYear() * 13L + month.getMonthValue())) - 0.5);
    long monthsOld = reg.until(month, java.time.temporal.ChronoUnit.MONTHS);
    double rampUp = monthsOld < 6 ? (monthsOld + 1) / 7.0 : 1.0;
    return rate * season * noise * rampUp;
  }

  /** The yearly accounts of a corporate income tax return for {@code year}. */
  AnnualFigures annual(int year) {
    double operating = 0;
    for (int m = 1; m <= 12; m++) {
      operating += monthlySales(YearMonth.of(year, m));
    }
    operating *= 0.98 + 0.04 * yearNoise(year, 1);
    double main = operating * Math.min(1.0, mainShare * (0.98 + 0.04 * yearNoise(year, 2)));
    double profit = operating * (netMargin + 0.03 * (yearNoise(year, 3) - 0.5));
    double assets = Math.max(operating * assetRatio, 500_000);
    double liabilities = assets * Math.min(0.97, leverage * (0.95 + 0.1 * yearNoise(year, 4)));
    double rd = operating * rdRatio * (0.9 + 0.2 * yearNoise(year, 5));
    int employees = (int) Math.max(3, Math.round(operating / revenuePerEmployee));
    int rdStaff = (int) Math.round(employees * rdStaffShare);
    return new AnnualFigures(year, operating, main, profit, assets, liabilities, rd, employees, rdStaff);
  }

  private double yearNoise(int year, int field) {
    return Rng.hashUnit(seed * 31 + year * 7L + field);
  }

  /** The figures of one year's annual return. */
  record AnnualFigures(int year, double operatingRevenue, double mainBusinessRevenue, double netProfit,
      double totalAssets, double totalLiabilities, double rdExpense, int employees, int rdStaff) {}
}
