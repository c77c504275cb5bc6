package io.seedbed.feed;

import java.time.Instant;
import java.time.LocalDate;

/** energy feed, kind {@code meter}: An energy meter reading over the inclusive date span [from, to]; {@code meterId} may be null. */
public record MeterReading(
    String uscc,
    EnergyCarrier carrier,
    double amount,
    EnergyUnit unit,
    LocalDate from,
    LocalDate to,
    String meterId) implements FeedRecord {

  public static final String KIND = "meter";

  @Override
  public Feed feed() {
    return Feed.ENERGY;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Instant eventTime() {
    return FeedTime.startOf(to);
  }

  @Override
  public String identity() {
    return KIND + "|" + uscc + "|" + carrier.code() + "|" + meterId + "|" + from + "|" + to;
  }
}
