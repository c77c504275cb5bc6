package io.seedbed.feed;

import java.time.Instant;
import java.time.LocalDate;

/** credit feed, kind {@code bank}: Bank credit status as of a date: longest current overdue and an optional composite score (0-100, null if absent). */
public record BankCredit(
    String uscc,
    LocalDate asOf,
    int overdueDays,
    Double creditScore) implements FeedRecord {

  public static final String KIND = "bank";

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
    return FeedTime.startOf(asOf);
  }

  @Override
  public String identity() {
    return KIND + "|" + uscc + "|" + asOf;
  }
}
