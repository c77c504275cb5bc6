package io.seedbed.feed;

import java.time.Instant;

/** tax feed, kind {@code credit_rating}: A published tax credit rating (纳税信用等级) for a rated year. */
public record CreditRating(
    String uscc,
    int year,
    TaxCreditLevel level,
    Instant publishedAt) implements FeedRecord {

  public static final String KIND = "credit_rating";

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
    return publishedAt;
  }

  @Override
  public String identity() {
    return KIND + "|" + uscc + "|" + year;
  }
}
