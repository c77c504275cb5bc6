package io.seedbed.feed;

import java.time.Instant;

/** credit feed, kind {@code penalty}: An administrative penalty (行政处罚). {@code amount} is optional (null). */
public record Penalty(
    String uscc,
    String caseId,
    PenaltyCategory category,
    Severity severity,
    Instant decidedAt,
    Double amount) implements FeedRecord {

  public static final String KIND = "penalty";

  @Override
  public Feed feed() {
    return Feed.CREDIT;
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
