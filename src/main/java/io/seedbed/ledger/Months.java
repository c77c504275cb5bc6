package io.seedbed.ledger;

import java.time.LocalDate;
import java.time.YearMonth;

/** Months as {@code yyyymm} ints: the ledger's state form (YearMonth would need Kryo). */
public final class Months {
  private Months() {}

  public static int of(YearMonth ym) {
    return ym.getYear() * 100 + ym.getMonthValue();
  }

  public static int of(LocalDate date) {
    return date.getYear() * 100 + date.getMonthValue();
  }

  public static YearMonth toYearMonth(int yyyymm) {
    return YearMonth.of(yyyymm / 100, yyyymm % 100);
  }

  /** {@code yyyymm} plus {@code n} months (n may be negative). */
  public static int plus(int yyyymm, int n) {
    return of(toYearMonth(yyyymm).plusMonths(n));
  }

  /** "YYYY-MM". */
  public static String text(int yyyymm) {
    return toYearMonth(yyyymm).toString();
  }
}
