package io.seedbed.feed;

import java.time.Instant;

/** credit feed, kind {@code listing}: Added to or removed from a credit list (经营异常名录, 严重违法失信名单, 失信被执行人). */
public record Listing(
    String uscc,
    ListName list,
    ListAction action,
    Instant at) implements FeedRecord {

  public static final String KIND = "listing";

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
    return KIND + "|" + uscc + "|" + list.code() + "|" + at;
  }
}
