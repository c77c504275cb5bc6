package io.seedbed.backtest;

/**
 * How an enterprise's final status in one pool differs between the runs. Every difference falls in
 * exactly one kind, so the kinds add up: candidate members − baseline members = enters − leaves.
 */
public enum DiffKind {
  /** A member under the candidate rules, not under the baseline rules (入库). */
  ENTERS("enters"),
  /** A member under the baseline rules, not under the candidate rules (出库). */
  LEAVES("leaves"),
  /**
   * A member in neither run but with different statuses, e.g. candidate vs suspended. An enterprise
   * tracked in one run only (no row at all in the other) counts here too, as "not tracked".
   */
  CHANGES_STATUS("changes_status");

  private final String code;

  DiffKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
