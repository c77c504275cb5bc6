package io.seedbed.ledger;

import java.time.Instant;

/** The latest add/remove action on one credit list (经营异常名录, 严重违法失信名单, 失信被执行人). Flink POJO. */
public class ListingFact implements Versioned {
  /** ListName code. */
  public String list;
  /** ListAction code: add or remove. */
  public String action;
  public Instant at;

  public ListingFact() {}

  public ListingFact(String list, String action, Instant at) {
    this.list = list;
    this.action = action;
    this.at = at;
  }

  @Override
  public Instant versionTime() {
    return at;
  }

  @Override
  public String canonical() {
    return action;
  }
}
