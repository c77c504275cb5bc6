package io.seedbed.ledger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
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
  /** The readings that cover some day of a month (yyyymm), in identity order. */
  private final Map<Integer, SortedMap<Reading, Reading>> byMonth = new HashMap<>();
  /** tce per month (yyyymm) with at least one reading; all months, the windows apply when read. */
  private final Map<Integer, Double> tce = new HashMap<>();
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
      byMonth.computeIfAbsent(m, k -> new TreeMap<>(LedgerFormat.READINGS)).put(fact, fact);
      stale.add(m);
    }
  }

  void remove(Reading fact) {
    if (days(fact) <= 0) {
      return;
    }
    for (int m = Months.ofEpochDay(fact.fromDay), last = Months.ofEpochDay(fact.toDay); m <= last;
        m = Months.plus(m, 1)) {
      SortedMap<Reading, Reading> readings = byMonth.get(m);
      if (readings != null) {
        readings.remove(fact);
        if (readings.isEmpty()) {
          byMonth.remove(m);
        }
      }
      stale.add(m);
    }
  }

  /** tce of {@code yyyymm}, null if no reading covers any of its days. */
  Double tce(int yyyymm) {
    refresh();
    return tce.get(yyyymm);
  }

  /** tce per month of the months {@code kept} accepts. */
  SortedMap<Integer, Double> view(IntPredicate kept) {
    refresh();
    SortedMap<Integer, Double> view = new TreeMap<>();
    tce.forEach((m, v) -> {
      if (kept.test(m)) {
        view.put(m, v);
      }
    });
    return view;
  }

  private void refresh() {
    if (stale.isEmpty()) {
      return;
    }
    for (int m : stale) {
      SortedMap<Reading, Reading> readings = byMonth.get(m);
      if (readings == null) {
        tce.remove(m);
      } else {
        tce.put(m, sum(m, readings));
      }
    }
    stale.clear();
  }

  /** Σ of each reading's share of month {@code yyyymm}, in identity order, as one spread adds them. */
  private static double sum(int yyyymm, SortedMap<Reading, Reading> readings) {
    LocalDate first = LocalDate.of(yyyymm / 100, yyyymm % 100, 1);
    long monthStart = first.toEpochDay();
    long monthEnd = monthStart + first.lengthOfMonth() - 1;
    double sum = 0;
    boolean any = false;
    for (Reading f : readings.values()) {
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
