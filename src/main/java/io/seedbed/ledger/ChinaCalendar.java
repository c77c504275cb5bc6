package io.seedbed.ledger;

import io.seedbed.feed.FeedTime;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The calendar arithmetic of the ledger and the indicators, in China's time ({@link FeedTime#ZONE}),
 * without a zone-rules lookup: every record asks for a few of these (look-back starts, IP ages,
 * financing windows), and {@code atZone(...).plusYears(...)} cost more than the rest of the work.
 *
 * <p>Exactly what {@code t.atZone(FeedTime.ZONE).plusYears(n).toInstant()} and
 * {@code LocalDate.ofInstant(t, FeedTime.ZONE)} give: China has kept UTC+8 without daylight saving
 * since its last DST period ended in September 1991, so from 1992 on local time is the instant plus
 * 8 hours; earlier instants (and results) go through java.time. {@code ChinaCalendarTest} compares
 * both over a wide random range.
 */
public final class ChinaCalendar {
  private static final int OFFSET_SECONDS = 8 * 3600;
  private static final int SECONDS_PER_DAY = 86_400;
  /** 1992-01-01T00:00+08:00: from here on the offset is UTC+8 with no transitions. */
  private static final long FIXED_OFFSET_FROM = LocalDate.of(1992, 1, 1).toEpochDay() * SECONDS_PER_DAY
      - OFFSET_SECONDS;

  private ChinaCalendar() {}

  /** {@code t} moved by whole years in China's calendar (29 Feb → 28 Feb), as java.time does it. */
  public static Instant plusYears(Instant t, int years) {
    long seconds = t.getEpochSecond();
    if (seconds >= FIXED_OFFSET_FROM) {
      long local = seconds + OFFSET_SECONDS;
      long day = Math.floorDiv(local, SECONDS_PER_DAY);
      long secondOfDay = local - day * SECONDS_PER_DAY;
      long movedDay = LocalDate.ofEpochDay(day).plusYears(years).toEpochDay();
      long moved = movedDay * SECONDS_PER_DAY + secondOfDay - OFFSET_SECONDS;
      if (moved >= FIXED_OFFSET_FROM) {
        return Instant.ofEpochSecond(moved, t.getNano());
      }
    }
    return t.atZone(FeedTime.ZONE).plusYears(years).toInstant();
  }

  /** The China calendar date of {@code t} as an epoch day. */
  public static long epochDay(Instant t) {
    long seconds = t.getEpochSecond();
    if (seconds >= FIXED_OFFSET_FROM) {
      return Math.floorDiv(seconds + OFFSET_SECONDS, SECONDS_PER_DAY);
    }
    return FeedTime.dateOf(t).toEpochDay();
  }

  /** The China calendar date of {@code t}. */
  public static LocalDate dateOf(Instant t) {
    return LocalDate.ofEpochDay(epochDay(t));
  }
}
