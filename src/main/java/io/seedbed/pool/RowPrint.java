package io.seedbed.pool;

import io.seedbed.feed.Fingerprint;
import io.seedbed.rule.Explanation;
import java.time.Instant;

/**
 * {@link Fingerprint}s of the rows a pool writes, kept in {@link PoolState} next to the row's text
 * or hash, so that an evaluation whose row would not change skips rendering and SHA-256 hashing
 * even when the state was just read from RocksDB or a checkpoint (where {@link PoolState}'s
 * transient memos are gone; without the prints every such record rendered and hashed every
 * tracked pool's rows again, a quarter of a RocksDB job's time).
 *
 * <p>Each print is made of exactly the values its row text is made of (for criteria: each entry's
 * name, value or value text, threshold or threshold text, and passed, in order), so equal rows
 * have equal prints. A collision (about 2^-64 per comparison) would leave one row update unwritten.
 */
final class RowPrint {
  private RowPrint() {}

  /** The print of a {@code criteria} text: every entry, with whether it passed. */
  static long criteria(Explanation x) {
    return criteria(criteria(x, x.size()));
  }

  /** The {@link #criterion} prints of the first {@code n} entries of {@code x}. */
  static long[] criteria(Explanation x, int n) {
    long[] entries = new long[n];
    for (int i = 0; i < n; i++) {
      entries[i] = criterion(x, i);
    }
    return entries;
  }

  /**
   * The print of a {@code criteria} text from its entries' {@link #criterion} prints: what lets
   * {@link CriteriaJson} print a text it renders again by reprinting only the entries that changed.
   */
  static long criteria(long[] entries) {
    Fingerprint p = new Fingerprint().add(entries.length);
    for (long e : entries) {
      p.add(e);
    }
    return p.value();
  }

  /** The print of entry {@code i} of a {@code criteria} text, with whether it passed. */
  static long criterion(Explanation x, int i) {
    return entry(new Fingerprint(), x, i).add(x.passed(i)).value();
  }

  /** The print of {@code ps}'s membership row, whose criteria text has {@code criteriaPrint}. */
  static long membership(PoolState ps, long criteriaPrint) {
    return new Fingerprint().add(ps.status.code()).add(ps.since).add(ps.reason.code())
        .add(ps.score).add(ps.blockedUntil).add(ps.ruleSet).add(ps.ruleVersion)
        .add(criteriaPrint).value();
  }

  /** The print of a candidate row: its numbers, dates and the gaps of the entries at {@code unmet}. */
  static long candidate(int potential, int met, int total, String projectedDate, Instant flaggedAt,
      Explanation x, int[] unmet) {
    Fingerprint p = new Fingerprint().add(potential).add(met).add(total).add(projectedDate)
        .add(flaggedAt).add(unmet.length);
    for (int i : unmet) {
      entry(p, x, i);
      boolean hasShortfall = x.hasShortfall(i);
      p.add(hasShortfall);
      if (hasShortfall) {
        p.add(x.shortfall(i));
      }
    }
    return p.value();
  }

  /** Name, value and threshold of entry {@code i}, each as the row text shows it. */
  private static Fingerprint entry(Fingerprint p, Explanation x, int i) {
    p.add(x.name(i));
    boolean hasValue = x.hasValue(i);
    p.add(hasValue);
    if (hasValue) {
      p.add(x.value(i));
    } else {
      p.add(x.valueText(i));
    }
    boolean hasThreshold = x.hasThreshold(i);
    p.add(hasThreshold);
    if (hasThreshold) {
      p.add(x.threshold(i));
    } else {
      p.add(x.thresholdText(i));
    }
    return p;
  }
}
