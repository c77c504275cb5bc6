package io.seedbed.feed;

import java.time.Instant;
import java.time.YearMonth;

/** tax feed, kind {@code vat_return}: A monthly VAT return (增值税申报): sales (销售额) and all taxes actually paid that month. */
public record VatReturn(
    String uscc,
    YearMonth period,
    double sales,
    double taxPaid,
    Instant filedAt) implements FeedRecord {

  public static final String KIND = "vat_return";

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
    return KIND + "|" + uscc + "|" + period;
  }
}
