package io.seedbed.ledger;

import java.time.Instant;

/** One title action (granted, revoked, expired) with its optional end of validity. Flink POJO. */
public class TitleFact implements Versioned {
  /** Title code. */
  public String title;
  /** TitleAction code. */
  public String action;
  public Instant at;
  /** Last valid day as an epoch day, null if open-ended. */
  public Integer validUntilDay;

  public TitleFact() {}

  public TitleFact(String title, String action, Instant at, Integer validUntilDay) {
    this.title = title;
    this.action = action;
    this.at = at;
    this.validUntilDay = validUntilDay;
  }

  @Override
  public Instant versionTime() {
    return at;
  }

  @Override
  public String canonical() {
    return String.valueOf(validUntilDay);
  }
}
