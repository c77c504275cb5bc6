package io.seedbed.ledger;

import java.time.Instant;

/** One year's annual corporate income tax return (企业所得税年度申报). Flink POJO. */
public class AnnualFigures implements Versioned {
  public int year;
  public double operatingRevenue;
  public double mainBusinessRevenue;
  public double netProfit;
  public double totalAssets;
  public double totalLiabilities;
  public double rdExpense;
  public int employees;
  public int rdStaff;
  public Instant filedAt;

  public AnnualFigures() {}

  @Override
  public Instant versionTime() {
    return filedAt;
  }

  @Override
  public String canonical() {
    return operatingRevenue + "|" + mainBusinessRevenue + "|" + netProfit + "|" + totalAssets + "|"
        + totalLiabilities + "|" + rdExpense + "|" + employees + "|" + rdStaff;
  }
}
