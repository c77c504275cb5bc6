package io.seedbed.feed;

import java.time.Instant;

/** tax feed, kind {@code annual_return}: An annual corporate income tax return (企业所得税年度申报) with the R&D super-deduction schedule. */
public record AnnualReturn(
    String uscc,
    int year,
    double operatingRevenue,
    double mainBusinessRevenue,
    double netProfit,
    double totalAssets,
    double totalLiabilities,
    double rdExpense,
    int employees,
    int rdStaff,
    Instant filedAt) implements FeedRecord {

  public static final String KIND = "annual_return";

  @Override
  public Feed feed() {
    return Feed.TAX;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Instant eventTime() {
    return filedAt;
  }

  @Override
  public String identity() {
    return KIND + "|" + uscc + "|" + year;
  }
}
