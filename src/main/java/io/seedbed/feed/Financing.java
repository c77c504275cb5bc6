package io.seedbed.feed;

import java.time.Instant;

/** registry feed, kind {@code financing}: Equity financing actually paid in (实缴), and whether by a qualified institutional investor (合格机构投资者). */
public record Financing(
    String uscc,
    double amount,
    boolean qualifiedInvestor,
    Instant at) implements FeedRecord {

  public static final String KIND = "financing";

  @Override
  public Feed feed() {
    return Feed.REGISTRY;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Instant eventTime() {
    return at;
  }

  @Override
  public String identity() {
    return KIND + "|" + uscc + "|" + at + "|" + amount;
  }
}
