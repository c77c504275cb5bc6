package io.seedbed.ledger;

import java.time.Instant;

/** A science and technology award won: level ({@code national}/{@code provincial}), rank, when. */
public class AwardFact implements Versioned {
  public String level;
  public int rank;
  public Instant at;

  public AwardFact() {}

  public AwardFact(String level, int rank, Instant at) {
    this.level = level;
    this.rank = rank;
    this.at = at;
  }

  @Override
  public Instant versionTime() {
    return at;
  }

  @Override
  public String canonical() {
    return Integer.toString(rank);
  }
}
