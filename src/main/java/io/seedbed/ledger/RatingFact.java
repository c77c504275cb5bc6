package io.seedbed.ledger;

import java.time.Instant;

/** A published tax credit rating (纳税信用等级) for one rated year. Flink POJO. */
public class RatingFact implements Versioned {
  public int year;
  /** TaxCreditLevel code: A B M C D. */
  public String level;
  public Instant publishedAt;

  public RatingFact() {}

  public RatingFact(int year, String level, Instant publishedAt) {
    this.year = year;
    this.level = level;
    this.publishedAt = publishedAt;
  }

  @Override
  public Instant versionTime() {
    return publishedAt;
  }

  @Override
  public String canonical() {
    return level;
  }
}
