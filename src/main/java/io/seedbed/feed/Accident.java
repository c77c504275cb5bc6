package io.seedbed.feed;

import java.time.Instant;

/** credit feed, kind {@code accident}: A safety, quality or environmental-pollution accident. */
public record Accident(
    String uscc,
    String caseId,
    AccidentCategory category,
    Severity severity,
    Instant occurredAt) implements FeedRecord {

  public static final String KIND = "accident";

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
    return occurredAt;
  }

  @Override
  public String identity() {
    return KIND + "|" + caseId;
  }
}
