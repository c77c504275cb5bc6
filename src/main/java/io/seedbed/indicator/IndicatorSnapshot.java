package io.seedbed.indicator;

import io.seedbed.feed.Fingerprint;
import java.time.Instant;

/**
 * One row of {@code indicator_snapshot}: the contract's projection of {@link Indicators}. A Flink
 * POJO (public fields, no-arg constructor); {@code updated_at} is set by the sink.
 */
public class IndicatorSnapshot {
  public String uscc;
  public Instant asOf;
  public String district;
  public String industry;
  public String smeClass;
  public Double salesTtm;
  public Double salesGrowthYoy;
  public Double operatingRevenueLastYear;
  public Double mainBusinessShare;
  public Double revenueGrowthLastYear;
  public Double revenueCagr2y;
  public Double netMargin;
  public Double debtRatio;
  public Double rdExpenseLastYear;
  public Double rdIntensityLastYear;
  public Double rdIntensityPrevYear;
  public Double rdStaffShare;
  public Integer class1Ip;
  public Integer class2Ip;
  public Integer inventionPatents;
  public Double energyTceTtm;
  public Double salesPerTce;
  public Double taxPaidTtm;
  public Double taxPerMu;
  public Double salesPerMu;
  public String taxCreditLevel;
  public Double yearsRegistered;
  public Double yearsInNiche;
  public Double equityFinancing2y;

  public IndicatorSnapshot() {}

  /** The snapshot columns of {@code in}. */
  public static IndicatorSnapshot of(Indicators in) {
    IndicatorSnapshot s = new IndicatorSnapshot();
    s.uscc = in.uscc;
    s.asOf = in.asOf;
    s.district = in.district;
    s.industry = in.industry;
    s.smeClass = in.smeClass;
    s.salesTtm = in.salesTtm;
    s.salesGrowthYoy = in.salesGrowthYoy;
    s.operatingRevenueLastYear = in.operatingRevenueLastYear;
    s.mainBusinessShare = in.mainBusinessShare;
    s.revenueGrowthLastYear = in.revenueGrowthLastYear;
    s.revenueCagr2y = in.revenueCagr2y;
    s.netMargin = in.netMargin;
    s.debtRatio = in.debtRatio;
    s.rdExpenseLastYear = in.rdExpenseLastYear;
    s.rdIntensityLastYear = in.rdIntensityLastYear;
    s.rdIntensityPrevYear = in.rdIntensityPrevYear;
    s.rdStaffShare = in.rdStaffShare;
    s.class1Ip = in.class1Ip;
    s.class2Ip = in.class2Ip;
    s.inventionPatents = in.inventionPatents;
    s.energyTceTtm = in.energyTceTtm;
    s.salesPerTce = in.salesPerTce;
    s.taxPaidTtm = in.taxPaidTtm;
    s.taxPerMu = in.taxPerMu;
    s.salesPerMu = in.salesPerMu;
    s.taxCreditLevel = in.taxCreditLevel;
    s.yearsRegistered = in.yearsRegistered;
    s.yearsInNiche = in.yearsInNiche;
    s.equityFinancing2y = in.equityFinancing2y;
    return s;
  }

  /**
   * Same row: same {@code as_of} and same values. {@code as_of} is the enterprise's latest event
   * time, so the final row does not depend on the order records arrived in; a duplicate or a late
   * record that changes no value writes no row.
   */
  /**
   * A {@link Fingerprint} of the columns {@link #sameRowAs} compares: what the enterprise processor
   * keeps in state instead of the last row itself (a 29-column object per enterprise, read and
   * written with every record under RocksDB). Equal rows have equal prints; a collision (about
   * 2^-64 per record) would leave one row update unwritten until the next change.
   */
  public long rowPrint() {
    return new Fingerprint().add(asOf).add(district).add(industry).add(smeClass).add(salesTtm)
        .add(salesGrowthYoy).add(operatingRevenueLastYear).add(mainBusinessShare)
        .add(revenueGrowthLastYear).add(revenueCagr2y).add(netMargin).add(debtRatio)
        .add(rdExpenseLastYear).add(rdIntensityLastYear).add(rdIntensityPrevYear).add(rdStaffShare)
        .add(class1Ip).add(class2Ip).add(inventionPatents).add(energyTceTtm).add(salesPerTce)
        .add(taxPaidTtm).add(taxPerMu).add(salesPerMu).add(taxCreditLevel).add(yearsRegistered)
        .add(yearsInNiche).add(equityFinancing2y).value();
  }

  public boolean sameRowAs(IndicatorSnapshot o) {
    return o != null
        && java.util.Objects.equals(asOf, o.asOf)
        && java.util.Objects.equals(district, o.district)
        && java.util.Objects.equals(industry, o.industry)
        && java.util.Objects.equals(smeClass, o.smeClass)
        && java.util.Objects.equals(salesTtm, o.salesTtm)
        && java.util.Objects.equals(salesGrowthYoy, o.salesGrowthYoy)
        && java.util.Objects.equals(operatingRevenueLastYear, o.operatingRevenueLastYear)
        && java.util.Objects.equals(mainBusinessShare, o.mainBusinessShare)
        && java.util.Objects.equals(revenueGrowthLastYear, o.revenueGrowthLastYear)
        && java.util.Objects.equals(revenueCagr2y, o.revenueCagr2y)
        && java.util.Objects.equals(netMargin, o.netMargin)
        && java.util.Objects.equals(debtRatio, o.debtRatio)
        && java.util.Objects.equals(rdExpenseLastYear, o.rdExpenseLastYear)
        && java.util.Objects.equals(rdIntensityLastYear, o.rdIntensityLastYear)
        && java.util.Objects.equals(rdIntensityPrevYear, o.rdIntensityPrevYear)
        && java.util.Objects.equals(rdStaffShare, o.rdStaffShare)
        && java.util.Objects.equals(class1Ip, o.class1Ip)
        && java.util.Objects.equals(class2Ip, o.class2Ip)
        && java.util.Objects.equals(inventionPatents, o.inventionPatents)
        && java.util.Objects.equals(energyTceTtm, o.energyTceTtm)
        && java.util.Objects.equals(salesPerTce, o.salesPerTce)
        && java.util.Objects.equals(taxPaidTtm, o.taxPaidTtm)
        && java.util.Objects.equals(taxPerMu, o.taxPerMu)
        && java.util.Objects.equals(salesPerMu, o.salesPerMu)
        && java.util.Objects.equals(taxCreditLevel, o.taxCreditLevel)
        && java.util.Objects.equals(yearsRegistered, o.yearsRegistered)
        && java.util.Objects.equals(yearsInNiche, o.yearsInNiche)
        && java.util.Objects.equals(equityFinancing2y, o.equityFinancing2y);
  }
}
