package io.seedbed.ledger;

import java.time.Instant;

/** One lifecycle event of an IP item (patent, copyright, ...). Flink POJO. */
public class IpEventFact implements Versioned {
  public String ipNo;
  /** IpType code. */
  public String ipType;
  /** IpEventType code. */
  public String event;
  public Instant at;

  public IpEventFact() {}

  public IpEventFact(String ipNo, String ipType, String event, Instant at) {
    this.ipNo = ipNo;
    this.ipType = ipType;
    this.event = event;
    this.at = at;
  }

  @Override
  public Instant versionTime() {
    return at;
  }

  @Override
  public String canonical() {
    return ipType;
  }
}
