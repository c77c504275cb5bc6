package io.seedbed.pool;

import io.seedbed.feed.Coded;

/** Where an enterprise stands in one pool (contract/outputs.md "Pools and statuses"). */
public enum MembershipStatus implements Coded {
  /** Not yet meeting the entry criteria, but near them or projected to meet them (早发现). */
  CANDIDATE("candidate"),
  /** Meets the entry criteria (入库). */
  MEMBER("member"),
  /** A disqualifying incident or credit listing blocks it until {@code blocked_until}. */
  SUSPENDED("suspended"),
  /** Left the pool; the reason says why (出库). */
  EXITED("exited");

  private final String code;

  MembershipStatus(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
