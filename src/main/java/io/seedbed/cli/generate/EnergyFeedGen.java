package io.seedbed.cli.generate;

import io.seedbed.feed.Feed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The energy feed of one enterprise. Electricity follows the firm's sales (its own kWh per yuan),
 * read monthly (calendar months, or the 15th to the 14th, so readings span month boundaries) or,
 * for about 1% of firms, daily. Some factories also meter natural gas, coal or steam monthly.
 */
final class EnergyFeedGen {
  private final Range range;
  private final FeedSink sink;

  EnergyFeedGen(Range range, FeedSink sink) {
    this.range = range;
    this.sink = sink;
  }

  void emit(Firm f, Rng rng) {
    String meter = "RZE" + (1_000_000 + f.index);
    if (f.dailyMeter) {
      for (LocalDate d = firstDay(f); !d.isAfter(lastDay(f)); d = d.plusDays(1)) {
        double weekday = d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.75 : 1.03;
        double kwh = f.monthlySales(YearMonth.from(d)) / d.lengthOfMonth() * f.kwhPerYuan * weekday * rng.between(0.9, 1.1);
        reading(f, "electricity", kwh, "kWh", 1, d, d, meter + "-D");
      }
    } else {
      for (YearMonth m = range.from().minusMonths(1); !m.isAfter(range.to()); m = m.plusMonths(1)) {
        LocalDate spanFrom = m.atDay(f.meterDay);
        LocalDate spanTo = f.meterDay == 1 ? m.atEndOfMonth() : m.plusMonths(1).atDay(f.meterDay - 1);
        monthly(f, "electricity", f.kwhPerYuan, "kWh", 1, spanFrom, spanTo, meter, rng);
      }
    }
    if (!f.industry.industrial() || f.industry.extra().isEmpty()
        || !rng.chance(f.archetype == Archetype.LARGE ? 1.0 : 0.6)) {
      return;
    }
    for (io.seedbed.feed.EnergyCarrier carrier : f.industry.extra()) {
      String id = switch (carrier) {
        case NATURAL_GAS -> "RZG";
        case COAL -> "RZC";
        default -> "RZS";
      } + (1_000_000 + f.index);
      double perYuan;
      String unit;
      int scale;
      switch (carrier) {
        case NATURAL_GAS -> { perYuan = rng.between(0.002, 0.02); unit = "m3"; scale = 1; }
        case COAL -> { perYuan = rng.between(1e-5, 6e-5); unit = "t"; scale = 3; }
        default -> { perYuan = rng.between(1e-4, 6e-4); unit = "GJ"; scale = 2; }
      }
      for (YearMonth m = range.from(); !m.isAfter(range.to()); m = m.plusMonths(1)) {
        monthly(f, carrier.code(), perYuan, unit, scale, m.atDay(1), m.atEndOfMonth(), id, rng);
      }
    }
  }

  /** One reading over [spanFrom, spanTo], clipped to the firm's life and the range. */
  private void monthly(Firm f, String carrier, double perYuan, String unit, int scale,
      LocalDate spanFrom, LocalDate spanTo, String meterId, Rng rng) {
    LocalDate a = spanFrom.isBefore(firstDay(f)) ? firstDay(f) : spanFrom;
    LocalDate b = spanTo.isAfter(lastDay(f)) ? lastDay(f) : spanTo;
    if (b.isBefore(a) || spanTo.isAfter(range.lastDate())) {
      return;
    }
    double amount = 0;
    for (YearMonth m = YearMonth.from(a); !m.isAfter(YearMonth.from(b)); m = m.plusMonths(1)) {
      LocalDate lo = m.atDay(1).isBefore(a) ? a : m.atDay(1);
      LocalDate hi = m.atEndOfMonth().isAfter(b) ? b : m.atEndOfMonth();
      amount += f.monthlySales(m) * (hi.getDayOfMonth() - lo.getDayOfMonth() + 1) / m.lengthOfMonth();
    }
    reading(f, carrier, amount * perYuan * rng.between(0.93, 1.07), unit, scale, a, b, meterId);
  }

  private void reading(Firm f, String carrier, double amount, String unit, int scale, LocalDate from,
      LocalDate to, String meterId) {
    sink.emit(Feed.ENERGY, "meter", to.atStartOfDay(), f.uscc, JsonLine.of("meter", f.uscc)
        .str("carrier", carrier).dec("amount", amount, scale).str("unit", unit)
        .date("from", from).date("to", to).str("meterId", meterId).end());
  }

  private LocalDate firstDay(Firm f) {
    LocalDate start = range.from().atDay(1);
    return f.registeredAt.isAfter(start) ? f.registeredAt : start;
  }

  private LocalDate lastDay(Firm f) {
    LocalDate last = range.lastDate();
    return f.deregisteredAt != null && !f.deregisteredAt.isAfter(last) ? f.deregisteredAt.minusDays(1) : last;
  }
}
