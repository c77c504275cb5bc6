package io.seedbed.ledger;

import io.seedbed.feed.FeedTime;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One energy meter reading over the inclusive day span [fromDay, toDay], already converted to tce,
 * in the ledger's first state form ({@link Ledger#meters}, savepoint v1): kept so that such state
 * restores; the ledger now works with {@link Reading}. Flink POJO: days are epoch days because
 * LocalDate would need Kryo.
 */
public class MeterFact implements Versioned {
  /** EnergyCarrier code. */
  public String carrier;
  /** EnergyUnit code. */
  public String unit;
  public double amount;
  public int fromDay;
  public int toDay;
  public double tce;

  public MeterFact() {}

  public MeterFact(String carrier, String unit, double amount, int fromDay, int toDay, double tce) {
    this.carrier = carrier;
    this.unit = unit;
    this.amount = amount;
    this.fromDay = fromDay;
    this.toDay = toDay;
    this.tce = tce;
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
