package io.seedbed.pool;

import io.seedbed.feed.TitleAction;
import io.seedbed.feed.TitleEvent;

/** The plan's one-off rewards (激励奖补, plan 三(一)2) for titles newly granted. */
public final class RewardLedger {
  private RewardLedger() {}

  /** The reward row for a grant of a rewarded title; null for revocations, expiries and unrewarded titles. */
  public static RewardRow rewardFor(TitleEvent t, PoolSettings s) {
    if (t.action() != TitleAction.GRANTED) {
      return null;
    }
    Reward r = s.reward(t.title().code());
    if (r == null) {
      return null;
    }
    RewardRow row = new RewardRow();
    row.uscc = t.uscc();
    row.title = r.title();
    row.grantedAt = t.at();
    row.amount = r.amount();
    row.policy = r.policy();
    return row;
  }
}
