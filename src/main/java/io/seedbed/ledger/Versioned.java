package io.seedbed.ledger;

import java.time.Instant;

/**
 * A stored fact that can be replaced by another version of the same fact (same identity). The
 * later event time wins; at the same event time the lexicographically greater canonical content
 * wins, so that the kept version never depends on arrival order.
 */
public interface Versioned {
  Instant versionTime();

  /** The content that may differ between versions of one identity, as a deterministic string. */
  String canonical();

  /** Positive if {@code a} supersedes {@code b}, 0 if they are the same version. */
  static int compare(Versioned a, Versioned b) {
    int c = a.versionTime().compareTo(b.versionTime());
    return c != 0 ? c : a.canonical().compareTo(b.canonical());
  }
}
