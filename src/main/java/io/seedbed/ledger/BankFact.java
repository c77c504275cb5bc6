package io.seedbed.ledger;

import io.seedbed.feed.FeedTime;
import java.time.Instant;
import java.time.LocalDate;

/** The latest bank credit status (银行信用). Flink POJO. */
public class BankFact implements Versioned {
  /** The status date as an epoch day. */
  public int asOfDay;
  public int overdueDays;
  /** Composite credit score 0-100, null if not given. */
  public Double creditScore;

  public BankFact() {}

  public BankFact(int asOfDay, int overdueDays, Double creditScore) {
    this.asOfDay = asOfDay;
    this.overdueDays = overdueDays;
    this.creditScore = creditScore;
  }

  @Override
  public Instant versionTime() {
    return FeedTime.startOf(LocalDate.ofEpochDay(asOfDay));
  }

  @Override
  public String canonical() {
    return overdueDays + "|" + creditScore;
  }
}
