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
 *
 * <p>Months are slots of flat arrays (month ordinal minus {@link #base}), not boxed keys of maps
 * and sets: with RocksDB state this copy is rebuilt from the packed readings on every record, and
 * the indicators read twelve months of it on every record with any backend.
 */
final class EnergyMonths {
  /**
   * Per slot, the readings that cover some day of its month, in identity order (null: none). A
   * sorted list, not a tree: a month holds a handful of readings, and the packed readings come in
   * identity order, so building is appending.
   */
  private ArrayList<Reading>[] readings = newLists(0);
  /** Per slot, tce of the month; meaningful where {@link #has}. */
  private double[] tce = new double[0];
  private boolean[] has = new boolean[0];
  /** Per slot, whether its readings changed since its sum was computed. */
  private boolean[] stale = new boolean[0];
  private boolean anyStale;
  /** The month ordinal (year × 12 + month − 1) of slot 0. */
  private int base;
  // Months before year 1 (yyyymm ≤ 0), which the ordinals do not cover: never in practice.
  private final Map<Integer, ArrayList<Reading>> oddReadings = new HashMap<>();
  private final Map<Integer, Double> odd = new HashMap<>();
  private final Set<Integer> oddStale = new HashSet<>();

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
      if (m <= 0) {
        insertSorted(oddReadings.computeIfAbsent(m, k -> new ArrayList<>(2)), fact);
        oddStale.add(m);
        continue;
      }
      int i = ensureSlot(ordinal(m));
      if (readings[i] == null) {
        readings[i] = new ArrayList<>(2);
      }
      insertSorted(readings[i], fact);
      stale[i] = true;
      anyStale = true;
    }
  }

  void remove(Reading fact) {
    if (days(fact) <= 0) {
      return;
    }
    for (int m = Months.ofEpochDay(fact.fromDay), last = Months.ofEpochDay(fact.toDay); m <= last;
        m = Months.plus(m, 1)) {
      if (m <= 0) {
        ArrayList<Reading> list = oddReadings.get(m);
        if (list != null && removeSorted(list, fact) && list.isEmpty()) {
          oddReadings.remove(m);
        }
        oddStale.add(m);
        continue;
      }
      int i = ordinal(m) - base;
      if (i >= 0 && i < readings.length && readings[i] != null) {
        if (removeSorted(readings[i], fact) && readings[i].isEmpty()) {
          readings[i] = null;
        }
        stale[i] = true;
        anyStale = true;
      }
    }
  }

  /**
   * Puts {@code fact} into its place in {@code list} (identity order), replacing the reading of
   * the same identity, as a sorted map's put would.
   */
  private static void insertSorted(ArrayList<Reading> list, Reading fact) {
    int n = list.size();
    if (n == 0 || LedgerFormat.READINGS.compare(list.get(n - 1), fact) < 0) {
      list.add(fact); // the usual case: readings come in identity order
      return;
    }
    int at = Collections.binarySearch(list, fact, LedgerFormat.READINGS);
    if (at >= 0) {
      list.set(at, fact);
    } else {
      list.add(-at - 1, fact);
    }
  }

  /** Removes the reading of {@code fact}'s identity from {@code list}; whether there was one. */
  private static boolean removeSorted(ArrayList<Reading> list, Reading fact) {
    int at = Collections.binarySearch(list, fact, LedgerFormat.READINGS);
    if (at < 0) {
      return false;
    }
    list.remove(at);
    return true;
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

  /**
   * {@link #tce(int, int, double[])} of an {@code EnergyMonths} built from {@code readings}
   * (identity order), without building it: each month adds the same shares in the same order, so
   * the result is the same doubles. For a ledger read back from RocksDB, which answers one record's
   * queries and is dropped (building the per-month lists was 7 % of a RocksDB job's samples).
   * Months before year 1 are not handled here (the caller builds the object for those).
   */
  static boolean tce(Iterable<Reading> readings, int first, int count, double[] into) {
    long[] start = new long[count];
    long[] end = new long[count];
    boolean[] any = new boolean[count];
    for (int k = 0, m = first; k < count; k++, m = Months.plus(m, 1)) {
      LocalDate d = LocalDate.of(m / 100, m % 100, 1);
      start[k] = d.toEpochDay();
      end[k] = start[k] + d.lengthOfMonth() - 1;
    }
    for (Reading f : readings) {
      if (days(f) <= 0 || f.toDay < start[0] || f.fromDay > end[count - 1]) {
        continue;
      }
      for (int k = 0; k < count; k++) {
        if (f.fromDay <= end[k] && f.toDay >= start[k]) {
          double share = share(f, start[k], end[k]);
          into[k] = any[k] ? into[k] + share : share;
          any[k] = true;
        }
      }
    }
    for (boolean a : any) {
      if (!a) {
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
        int m = monthOf(i);
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

  /** The yyyymm of slot {@code i}. */
  private int monthOf(int i) {
    int ordinal = base + i;
    return (ordinal / 12) * 100 + ordinal % 12 + 1;
  }

  /** The slot of month {@code ordinal}, growing the arrays to cover it. */
  private int ensureSlot(int ordinal) {
    if (readings.length == 0) {
      base = ordinal;
      grow(0, 8);
    } else if (ordinal < base || ordinal >= base + readings.length) {
      int n = readings.length;
      int from = Math.min(base, ordinal);
      int to = Math.max(base + n, ordinal + 1);
      int size = Math.max(to - from, 2 * n);
      if (ordinal < base) {
        from = Math.min(from, base + n - size); // room below too: readings come in any order
      }
      grow(base - from, size);
      base = from;
    }
    return ordinal - base;
  }

  /** New arrays of {@code size} slots with the old slot 0 at {@code shift}. */
  private void grow(int shift, int size) {
    ArrayList<Reading>[] r = newLists(size);
    double[] t = new double[size];
    boolean[] h = new boolean[size];
    boolean[] st = new boolean[size];
    System.arraycopy(readings, 0, r, shift, readings.length);
    System.arraycopy(tce, 0, t, shift, tce.length);
    System.arraycopy(has, 0, h, shift, has.length);
    System.arraycopy(stale, 0, st, shift, stale.length);
    readings = r;
    tce = t;
    has = h;
    stale = st;
  }

  @SuppressWarnings("unchecked")
  private static ArrayList<Reading>[] newLists(int size) {
    return (ArrayList<Reading>[]) new ArrayList<?>[size];
  }

  private void refresh() {
    if (anyStale) {
      for (int i = 0; i < stale.length; i++) {
        if (stale[i]) {
          stale[i] = false;
          has[i] = readings[i] != null;
          if (has[i]) {
            tce[i] = sum(monthOf(i), readings[i]);
          }
        }
      }
      anyStale = false;
    }
    if (!oddStale.isEmpty()) {
      for (int m : oddStale) {
        ArrayList<Reading> list = oddReadings.get(m);
        if (list == null) {
          odd.remove(m);
        } else {
          odd.put(m, sum(m, list));
        }
      }
      oddStale.clear();
    }
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
      double share = share(f, monthStart, monthEnd);
      sum = any ? sum + share : share;
      any = true;
    }
    return sum;
  }

  /**
   * The tce of {@code f} that falls on the days monthStart..monthEnd (epoch days), by days. The one
   * formula both {@link #sum} and the direct {@link #tce(Iterable, int, int, double[])} use, so
   * that their sums are the same doubles.
   */
  private static double share(Reading f, long monthStart, long monthEnd) {
    long segmentDays = Math.min(f.toDay, monthEnd) - Math.max(f.fromDay, monthStart) + 1;
    return f.tce * (int) segmentDays / days(f);
  }

  private static int days(Reading f) {
    return f.toDay - f.fromDay + 1;
  }
}
