package io.seedbed.ledger;

import io.seedbed.feed.FeedTime;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One energy meter reading over the inclusive day span [fromDay, toDay], as the ledger works with
 * it (the packed state form is in {@link LedgerFormat}; {@link MeterFact} is the older map form).
 * Its identity is carrier, meter, from and to; {@code tce} is {@code amount × factor ÷ 1000} with
 * the factor of {@code energy-factors.yaml} at the time it was folded in, kept so that a later
 * change of the factors does not rewrite what was folded before.
 */
public final class Reading implements Versioned {
  /** EnergyCarrier code. */
  public final String carrier;
  /** The meter id as the identity spells it ({@code "null"} for a reading without one). */
  public final String meterId;
  /** EnergyUnit code. */
  public final String unit;
  public final double amount;
  public final int fromDay;
  public final int toDay;
  /** kgce per unit; NaN when only the tce is known (a reading moved from the older form). */
  public final double factor;
  public final double tce;

  private Reading(String carrier, String meterId, String unit, double amount, int fromDay, int toDay,
      double factor, double tce) {
    this.carrier = carrier;
    this.meterId = meterId;
    this.unit = unit;
    this.amount = amount;
    this.fromDay = fromDay;
    this.toDay = toDay;
    this.factor = factor;
    this.tce = tce;
  }

  /** A reading converted with {@code factor} kgce per unit. */
  static Reading converted(String carrier, String meterId, String unit, double amount, int fromDay,
      int toDay, double factor) {
    return new Reading(carrier, meterId, unit, amount, fromDay, toDay, factor,
        EnergyFactors.tce(amount, factor));
  }

  /** A reading whose tce is known but not the factor it came from. */
  static Reading ofTce(String carrier, String meterId, String unit, double amount, int fromDay,
      int toDay, double tce) {
    return new Reading(carrier, meterId, unit, amount, fromDay, toDay, Double.NaN, tce);
  }

  /** A reading of the same meter as {@code other} (sharing its strings), read from the packed form. */
  static Reading sameMeter(Reading other, String unit, double amount, int fromDay, int toDay,
      double factor, double tce) {
    return new Reading(other.carrier, other.meterId, unit, amount, fromDay, toDay, factor, tce);
  }

  boolean tceOnly() {
    return Double.isNaN(factor);
  }

  boolean sameMeterAs(Reading other) {
    return carrier.equals(other.carrier) && meterId.equals(other.meterId);
  }

  /** The identity as feeds.md spells it, less the "meter|USCC|" every reading of a ledger shares. */
  String identity() {
    return carrier + "|" + meterId + "|" + LocalDate.ofEpochDay(fromDay) + "|" + LocalDate.ofEpochDay(toDay);
  }

  /** The reading's event time: the start of its last day (contract: {@code to} is (t)). */
  @Override
  public Instant versionTime() {
    return FeedTime.startOf(LocalDate.ofEpochDay(toDay));
  }

  @Override
  public String canonical() {
    return unit + "|" + amount;
  }
}
