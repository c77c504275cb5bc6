package io.seedbed.ledger;

/** What folding one record into the ledger did. */
public enum LedgerChange {
  /** A new fact, or a newer version of a known one. */
  CHANGED,
  /** An exact repeat, or an older version of a fact the ledger already has. */
  UNCHANGED,
  /**
   * Older than the ledger's window (e.g. a VAT month before the 36 kept months): ignored, and
   * counted in a metric by the pipeline. The ledger's latest event time may still advance.
   */
  OUTSIDE_WINDOW;

  public boolean changed() {
    return this == CHANGED;
  }
}
