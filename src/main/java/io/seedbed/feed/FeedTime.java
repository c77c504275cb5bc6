package io.seedbed.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Time conventions of the feeds: dates and months are local to China (UTC+8, no daylight saving). */
public final class FeedTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private FeedTime() {}

  /** The instant a date starts in China; the event time of a record whose (t) field is a date. */
  public static Instant startOf(LocalDate date) {
    return date.atStartOfDay(ZONE).toInstant();
  }

  /** The Chinese calendar date of an instant. */
  public static LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, ZONE);
  }
}
