package io.seedbed.feed;

import java.time.Instant;

/** registry feed, kind {@code award}: A science and technology award (科技奖励) and the enterprise's rank among the winning units. */
public record Award(
    String uscc,
    AwardLevel level,
    int rank,
    Instant at) implements FeedRecord {

  public static final String KIND = "award";

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
    return KIND + "|" + uscc + "|" + level.code() + "|" + at;
  }
}
