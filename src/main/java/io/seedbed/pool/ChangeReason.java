package io.seedbed.pool;

import io.seedbed.feed.Coded;

/** Why a pool membership changed (contract/outputs.md "Reason codes"). */
public enum ChangeReason implements Coded {
  CRITERIA_MET("criteria_met"),
  NEAR_CRITERIA("near_criteria"),
  PROJECTED("projected"),
  CRITERIA_LOST("criteria_lost"),
  INCIDENT("incident"),
  INCIDENT_EXPIRED("incident_expired"),
  /** Outgrew the pool: no longer an SME, or reached 规上 for scale_up. */
  GRADUATED("graduated"),
  DEREGISTERED("deregistered"),
  RULES_CHANGED("rules_changed");

  private final String code;

  ChangeReason(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
