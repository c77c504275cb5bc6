package io.seedbed.ledger;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Months as {@code yyyymm} ints: the ledger's state form (YearMonth would need Kryo). The arithmetic
 * is on ints, not through YearMonth: the windows and the TTM sums ask for it many times per record.
 */
public final class Months {
  private Months() {}

  public static int of(YearMonth ym) {
    return ym.getYear() * 100 + ym.getMonthValue();
  }

  public static int of(LocalDate date) {
    return date.getYear() * 100 + date.getMonthValue();
  }

  /** The month of an epoch day. */
  public static int ofEpochDay(long epochDay) {
    return of(LocalDate.ofEpochDay(epochDay));
  }

  public static YearMonth toYearMonth(int yyyymm) {
    return YearMonth.of(yyyymm / 100, yyyymm % 100);
  }

  /** {@code yyyymm} plus {@code n} months (n may be negative). */
  public static int plus(int yyyymm, int n) {
    int index = Math.floorDiv(yyyymm, 100) * 12 + yyyymm % 100 - 1 + n;
    return Math.floorDiv(index, 12) * 100 + Math.floorMod(index, 12) + 1;
  }

  /** "YYYY-MM". */
  public static String text(int yyyymm) {
    // The indicators ask for the latest VAT month on every record, and it is mostly the same
    // month across enterprises: the last text made is reused (an immutable pair: thread-safe).
    Text last = lastText;
    if (last != null && last.yyyymm == yyyymm) {
      return last.text;
    }
    String text = toYearMonth(yyyymm).toString();
    lastText = new Text(yyyymm, text);
    return text;
  }

  private record Text(int yyyymm, String text) {}

  private static volatile Text lastText;
}
