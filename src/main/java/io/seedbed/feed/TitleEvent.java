package io.seedbed.feed;

import java.time.Instant;
import java.time.LocalDate;

/** registry feed, kind {@code title}: A title granted, revoked or expired; {@code validUntil} is optional (null). */
public record TitleEvent(
    String uscc,
    Title title,
    TitleAction action,
    Instant at,
    LocalDate validUntil) implements FeedRecord {

  public static final String KIND = "title";

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
    return KIND + "|" + uscc + "|" + title.code() + "|" + action.code() + "|" + at;
  }
}
