package io.seedbed.indicator;

import io.seedbed.config.YamlNode;
import io.seedbed.ledger.LedgerSettings;
import java.nio.file.Path;

/**
 * How indicators are computed: the ledger windows, the SME table and the IP and financing rules of
 * {@code config/indicators.yaml} (each number there names its criteria.md section).
 */
public final class IndicatorSettings {
  public final LedgerSettings ledger;
  public final SmeClassifier sme;
  /** Utility model / design count as class II only when maintained longer than this after grant (§11). */
  public final int class2MinYearsSinceGrant;
  /** An invention maintained longer than this after grant is high-value class I (§11). */
  public final int highValueMinYearsSinceGrant;
  /** Transferred-in IP counts only this long after the transfer (§11 exclusions). */
  public final int transferredInMinYears;
  /** "Last 2 years" of equity financing (§3.1 #3). */
  public final int financingShortYears;
  /** "Last 3 years" of qualified financing (§2.1 direct path 4). */
  public final int financingLongYears;
  /** Decimals kept in years_registered and years_in_niche. */
  public final int yearsDecimals;

  public IndicatorSettings(LedgerSettings ledger, SmeClassifier sme, int class2MinYearsSinceGrant,
      int highValueMinYearsSinceGrant, int transferredInMinYears, int financingShortYears,
      int financingLongYears, int yearsDecimals) {
    this.ledger = ledger;
    this.sme = sme;
    this.class2MinYearsSinceGrant = class2MinYearsSinceGrant;
    this.highValueMinYearsSinceGrant = highValueMinYearsSinceGrant;
    this.transferredInMinYears = transferredInMinYears;
    this.financingShortYears = financingShortYears;
    this.financingLongYears = financingLongYears;
    this.yearsDecimals = yearsDecimals;
  }

  /**
   * Reads {@code indicators.yaml}, {@code energy-factors.yaml} and {@code sme-classification.yaml}
   * from {@code configDir}; fails naming the file, line and field of the first problem, including
   * windows too short for the indicators (24 months for the year-on-year TTM, 3 annual returns for
   * 2-year growth, a look-back covering the longest financing window).
   */
  public static IndicatorSettings load(Path configDir) {
    Path file = configDir.resolve("indicators.yaml");
    YamlNode root = YamlNode.parse(file).allowOnly("ledger", "ip", "financing", "rounding");
    LedgerSettings ledger = LedgerSettings.load(configDir);
    YamlNode l = root.get("ledger");
    if (ledger.monthsKept < 24) {
      throw l.get("monthsKept").error("must be at least 24 (two 12-month periods for sales_growth_yoy)");
    }
    if (ledger.annualReturnsKept < 3) {
      throw l.get("annualReturnsKept").error("must be at least 3 (2-year growth needs 3 years)");
    }
    YamlNode ip = root.get("ip")
        .allowOnly("class2MinYearsSinceGrant", "highValueMinYearsSinceGrant", "transferredInMinYears");
    YamlNode fin = root.get("financing").allowOnly("shortYears", "longYears");
    int longYears = fin.get("longYears").positiveInt();
    if (ledger.lookbackYears < longYears) {
      throw l.get("lookbackYears").error("must be at least financing.longYears (" + longYears + ")");
    }
    YamlNode rounding = root.get("rounding").allowOnly("yearsDecimals");
    return new IndicatorSettings(ledger,
        SmeClassifier.load(configDir.resolve("sme-classification.yaml")),
        ip.get("class2MinYearsSinceGrant").positiveInt(),
        ip.get("highValueMinYearsSinceGrant").positiveInt(),
        ip.get("transferredInMinYears").positiveInt(),
        fin.get("shortYears").positiveInt(),
        longYears,
        rounding.get("yearsDecimals").positiveInt());
  }
}
