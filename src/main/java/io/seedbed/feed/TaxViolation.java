package io.seedbed.feed;

import java.time.Instant;

/** tax feed, kind {@code violation}: A major tax violation (重大税收违法) decided against the enterprise. */
public record TaxViolation(
    String uscc,
    String caseId,
    ViolationCategory category,
    Instant decidedAt) implements FeedRecord {

  public static final String KIND = "violation";

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
    return decidedAt;
  }

  @Override
  public String identity() {
    return KIND + "|" + caseId;
  }
}
