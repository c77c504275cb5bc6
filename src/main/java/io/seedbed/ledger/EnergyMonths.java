package io.seedbed.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Energy in tce per month, kept up to date as meter readings come and go: a working copy on the
 * heap (never in Flink state) so that a record does not re-spread every reading of the window.
 *
 * <p>A reading is spread over the months it covers by days (a reading 01-15..02-14 puts 17/31 in
 * January and 14/31 in February). A month's sum is recomputed from its readings, in the order of
 * their identities, whenever one of them changes, never adjusted by adding or subtracting: so the
 * sums are the same doubles, to the last bit, as spreading every reading afresh in identity order.
 */
final class EnergyMonths {
  /**
   * The readings that cover some day of a month (yyyymm), in identity order: a sorted list, not a
   * tree. A month holds a handful of readings, and the working copy is rebuilt from the packed
   * readings, already in identity order, whenever the ledger is read from RocksDB: appending is one
   * array slot where a tree allocated and rebalanced a node per reading.
   */
  private final Map<Integer, ArrayList<Reading>> byMonth = new HashMap<>();
  /**
   * tce per month with at least one reading ({@link #has}), all months, the windows apply when
   * read; month {@code m} is at {@link #slot}{@code (m)}. Flat arrays, not a map of boxed months:
   * the indicators read twelve months on every record.
   */
  private double[] tce = new double[0];
  private boolean[] has = new boolean[0];
  /** The month ordinal (year × 12 + month − 1) of slot 0. */
  private int base;
  /** tce of months before year 1 (yyyymm ≤ 0, which the ordinals do not cover): never in practice. */
  private final Map<Integer, Double> odd = new HashMap<>();
  /** Months whose readings changed since their sum was computed. */
  private final Set<Integer> stale = new HashSet<>();

  EnergyMonths(Iterable<Reading> readings) {
    for (Reading r : readings) {
      put(null, r);
    }
  }

  /** A reading added ({@code old} null) or replaced by a new version. */
  void put(Reading old, Reading fact) {
    if (old != null) {
      remove(old);
    }
    if (days(fact) <= 0) {
      return; // covers no day: counts nowhere
    }
    for (int m = Months.ofEpochDay(fact.fromDay), last = Months.ofEpochDay(fact.toDay); m <= last;
        m = Months.plus(m, 1)) {
      insertSorted(byMonth.computeIfAbsent(m, k -> new ArrayList<>(2)), fact);
      stale.add(m);
    }
  }

  void remove(Reading fact) {
    if (days(fact) <= 0) {
      return;
    }
    for (int m = Months.ofEpochDay(fact.fromDay), last = Months.ofEpochDay(fact.toDay); m <= last;
        m = Months.plus(m, 1)) {
      ArrayList<Reading> readings = byMonth.get(m);
      if (readings != null) {
        int at = Collections.binarySearch(readings, fact, LedgerFormat.READINGS);
        if (at >= 0) {
          readings.remove(at);
        }
        if (readings.isEmpty()) {
          byMonth.remove(m);
        }
      }
      stale.add(m);
    }
  }

  /**
   * Puts {@code fact} into its place in {@code readings} (identity order), replacing the reading
   * of the same identity, as a sorted map's put would.
   */
  private static void insertSorted(ArrayList<Reading> readings, Reading fact) {
    int n = readings.size();
    if (n == 0 || LedgerFormat.READINGS.compare(readings.get(n - 1), fact) < 0) {
      readings.add(fact); // the usual case: readings come in identity order
      return;
    }
    int at = Collections.binarySearch(readings, fact, LedgerFormat.READINGS);
    if (at >= 0) {
      readings.set(at, fact);
    } else {
      readings.add(-at - 1, fact);
    }
  }

  /** tce of {@code yyyymm}, null if no reading covers any of its days. */
  Double tce(int yyyymm) {
    refresh();
    if (yyyymm <= 0) {
      return odd.get(yyyymm);
    }
    int i = slot(yyyymm);
    return i >= 0 ? tce[i] : null;
  }

  /**
   * Copies the tce of the {@code count} months from {@code first} on into {@code into}; false (and
   * {@code into} partly written) unless every one of them has a reading.
   */
  boolean tce(int first, int count, double[] into) {
    refresh();
    int m = first;
    for (int k = 0; k < count; k++, m = Months.plus(m, 1)) {
      Double v;
      int i = slot(m);
      if (i >= 0) {
        into[k] = tce[i];
      } else if (m <= 0 && (v = odd.get(m)) != null) {
        into[k] = v;
      } else {
        return false;
      }
    }
    return true;
  }

  /** tce per month of the months {@code kept} accepts. */
  SortedMap<Integer, Double> view(IntPredicate kept) {
    refresh();
    SortedMap<Integer, Double> view = new TreeMap<>();
    odd.forEach((m, v) -> {
      if (kept.test(m)) {
        view.put(m, v);
      }
    });
    for (int i = 0; i < has.length; i++) {
      if (has[i]) {
        int ordinal = base + i;
        int m = (ordinal / 12) * 100 + ordinal % 12 + 1;
        if (kept.test(m)) {
          view.put(m, tce[i]);
        }
      }
    }
    return view;
  }

  /** The slot of {@code yyyymm} when it has a reading, else -1. */
  private int slot(int yyyymm) {
    int month = yyyymm % 100;
    if (yyyymm <= 0 || month < 1 || month > 12) {
      return -1;
    }
    int i = ordinal(yyyymm) - base;
    return i >= 0 && i < has.length && has[i] ? i : -1;
  }

  private static int ordinal(int yyyymm) {
    return (yyyymm / 100) * 12 + yyyymm % 100 - 1;
  }

  private void set(int yyyymm, double v) {
    if (yyyymm <= 0) {
      odd.put(yyyymm, v);
      return;
    }
    int ordinal = ordinal(yyyymm);
    if (has.length == 0) {
      base = ordinal;
      tce = new double[1];
      has = new boolean[1];
    } else if (ordinal < base || ordinal >= base + has.length) {
      int from = Math.min(base, ordinal);
      int to = Math.max(base + has.length, ordinal + 1);
      int n = Math.max(to - from, 2 * has.length);
      if (ordinal < base) {
        from = Math.min(from, base + has.length - n);
      }
      double[] t = new double[n];
      boolean[] h = new boolean[n];
      System.arraycopy(tce, 0, t, base - from, tce.length);
      System.arraycopy(has, 0, h, base - from, has.length);
      tce = t;
      has = h;
      base = from;
    }
    tce[ordinal - base] = v;
    has[ordinal - base] = true;
  }

  private void clear(int yyyymm) {
    if (yyyymm <= 0) {
      odd.remove(yyyymm);
      return;
    }
    int i = ordinal(yyyymm) - base;
    if (i >= 0 && i < has.length) {
      has[i] = false;
    }
  }

  private void refresh() {
    if (stale.isEmpty()) {
      return;
    }
    for (int m : stale) {
      ArrayList<Reading> readings = byMonth.get(m);
      if (readings == null) {
        clear(m);
      } else {
        set(m, sum(m, readings));
      }
    }
    stale.clear();
  }

  /** Σ of each reading's share of month {@code yyyymm}, in identity order, as one spread adds them. */
  private static double sum(int yyyymm, List<Reading> readings) {
    LocalDate first = LocalDate.of(yyyymm / 100, yyyymm % 100, 1);
    long monthStart = first.toEpochDay();
    long monthEnd = monthStart + first.lengthOfMonth() - 1;
    double sum = 0;
    boolean any = false;
    for (int k = 0; k < readings.size(); k++) {
      Reading f = readings.get(k);
      long segmentDays = Math.min(f.toDay, monthEnd) - Math.max(f.fromDay, monthStart) + 1;
      double share = f.tce * (int) segmentDays / days(f);
      sum = any ? sum + share : share;
      any = true;
    }
    return sum;
  }

  private static int days(Reading f) {
    return f.toDay - f.fromDay + 1;
  }
}
