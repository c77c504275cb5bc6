package io.seedbed.feed;

import java.time.Instant;

/** credit feed, kind {@code falsification}: A finding that the enterprise supplied false information (提供虚假信息). */
public record Falsification(
    String uscc,
    String caseId,
    Instant at) implements FeedRecord {

  public static final String KIND = "falsification";

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
    return at;
  }

  @Override
  public String identity() {
    return KIND + "|" + caseId;
  }
}
