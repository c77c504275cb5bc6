package io.seedbed.feed;

import java.time.Instant;

/** patent feed, kind {@code ip_event}: A lifecycle event of one IP item (patent, copyright, layout design, variety, drug). */
public record IpEvent(
    String uscc,
    String ipNo,
    IpType ipType,
    IpEventType event,
    Instant at) implements FeedRecord {

  public static final String KIND = "ip_event";

  @Override
  public Feed feed() {
    return Feed.PATENT;
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
    return KIND + "|" + ipNo + "|" + event.code() + "|" + at;
  }
}
