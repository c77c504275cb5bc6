package io.seedbed.cli.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;

/** The months of the export, {@code from} to {@code to} inclusive; no event is later than {@link #end}. */
record Range(YearMonth from, YearMonth to) {
  LocalDateTime start() {
    return from.atDay(1).atStartOfDay();
  }

  /** The last second of the {@code to} month: the export's clock. */
  LocalDateTime end() {
    return to.atEndOfMonth().atTime(LocalTime.of(23, 59, 59));
  }

  LocalDate lastDate() {
    return to.atEndOfMonth();
  }

  boolean contains(LocalDateTime t) {
    return !t.isAfter(end());
  }

  /** Office hours time on {@code date}: filings and decisions happen between 08:00 and 17:59. */
  static LocalDateTime officeTime(LocalDate date, Rng rng) {
    return date.atTime(rng.intIn(8, 17), rng.intIn(0, 59), rng.intIn(0, 59));
  }
}
