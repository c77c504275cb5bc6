package io.seedbed.cli.generate;

import io.seedbed.feed.Feed;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * The tax feed of one enterprise: a VAT return filed by the 15th of every following month, the
 * annual corporate income tax return each April-May (also for the three years before the range,
 * as back-filled history that growth criteria need), the tax-credit rating each April, rare
 * major tax violations, and about 1% of returns amended months later with changed figures.
 */
final class TaxFeedGen {
  private static final double AMENDMENT_SHARE = 0.01;
  private static final double VIOLATION_SHARE = 0.0015;
  private static final String[] VIOLATIONS = {"evasion", "evasion", "fraud", "other"};
  private static final String[] LEVELS = {"A", "B", "C", "D"};

  private final Range range;
  private final FeedSink sink;

  TaxFeedGen(Range range, FeedSink sink) {
    this.range = range;
    this.sink = sink;
  }

  void emit(Firm f, Rng rng) {
    vatReturns(f, rng);
    LocalDateTime violation = violation(f, rng);
    int firstYear = Math.max(range.from().getYear() - 3, f.registeredAt.getYear());
    int baseLevel = baseCreditLevel(f, rng);
    for (int year = firstYear; year < range.to().getYear(); year++) {
      annualReturn(f, year, rng);
      creditRating(f, year, baseLevel, violation, rng);
    }
  }

  private void vatReturns(Firm f, Rng rng) {
    YearMonth reg = YearMonth.from(f.registeredAt);
    for (YearMonth p = range.from().minusMonths(1); p.isBefore(range.to()); p = p.plusMonths(1)) {
      if (p.isBefore(reg)) {
        continue;
      }
      // Most firms file in the last days before the 15th deadline.
      int day = Math.max(rng.intIn(1, 15), rng.intIn(1, 15));
      LocalDateTime filedAt = Range.officeTime(p.plusMonths(1).atDay(day), rng);
      if (!f.alive(filedAt.toLocalDate())) {
        continue;
      }
      double sales = f.monthlySales(p);
      double taxPaid = sales * f.taxRate * rng.between(0.8, 1.2);
      sink.emit(Feed.TAX, "vat_return", filedAt, f.uscc, vat(f, p, sales, taxPaid, filedAt));
      if (rng.chance(AMENDMENT_SHARE)) {
        LocalDateTime amendedAt = filedAt.plusMonths(rng.intIn(1, 6)).plusDays(rng.intIn(0, 20));
        if (range.contains(amendedAt) && f.alive(amendedAt.toLocalDate())) {
          double factor = 1 + rng.between(-0.15, 0.15);
          sink.emit(Feed.TAX, "vat_return", amendedAt, f.uscc, vat(f, p, sales * factor, taxPaid * factor, amendedAt));
        }
      }
    }
  }

  private static String vat(Firm f, YearMonth p, double sales, double taxPaid, LocalDateTime filedAt) {
    return JsonLine.of("vat_return", f.uscc).month("period", p).money("sales", sales)
        .money("taxPaid", taxPaid).instant("filedAt", filedAt).end();
  }

  private void annualReturn(Firm f, int year, Rng rng) {
    LocalDateTime filedAt = Range.officeTime(LocalDate.of(year + 1, 4, 1).plusDays(rng.intIn(0, 60)), rng);
    if (!range.contains(filedAt) || !f.alive(filedAt.toLocalDate())) {
      return;
    }
    Firm.AnnualFigures a = f.annual(year);
    sink.emit(Feed.TAX, "annual_return", filedAt, f.uscc, annual(f, a, 1.0, filedAt));
    if (rng.chance(AMENDMENT_SHARE)) {
      LocalDateTime amendedAt = filedAt.plusMonths(rng.intIn(1, 6)).plusDays(rng.intIn(0, 20));
      if (range.contains(amendedAt) && f.alive(amendedAt.toLocalDate())) {
        sink.emit(Feed.TAX, "annual_return", amendedAt, f.uscc, annual(f, a, rng.between(0.9, 1.1), amendedAt));
      }
    }
  }

  private static String annual(Firm f, Firm.AnnualFigures a, double factor, LocalDateTime filedAt) {
    return JsonLine.of("annual_return", f.uscc).num("year", a.year())
        .money("operatingRevenue", a.operatingRevenue() * factor)
        .money("mainBusinessRevenue", a.mainBusinessRevenue() * factor)
        .money("netProfit", a.netProfit() * factor)
        .money("totalAssets", a.totalAssets())
        .money("totalLiabilities", a.totalLiabilities())
        .money("rdExpense", a.rdExpense() * factor)
        .num("employees", a.employees())
        .num("rdStaff", a.rdStaff())
        .instant("filedAt", filedAt).end();
  }

  /** Index into A, B, C, D of the firm's usual rating. */
  private static int baseCreditLevel(Firm f, Rng rng) {
    if (f.nicheSince != null || f.archetype == Archetype.LARGE) {
      return rng.chance(0.7) ? 0 : 1;
    }
    return rng.weighted(new double[] {0.33, 0.54, 0.12, 0.01});
  }

  private void creditRating(Firm f, int year, int baseLevel, LocalDateTime violation, Rng rng) {
    LocalDateTime publishedAt = LocalDate.of(year + 1, 4, 20).atTime(10, 0);
    if (!range.contains(publishedAt) || !f.alive(publishedAt.toLocalDate())) {
      return;
    }
    String level;
    if (violation != null && violation.getYear() <= year + 1 && violation.isBefore(publishedAt)) {
      level = "D";
    } else if (f.registeredAt.getYear() >= year) {
      level = "M"; // newly established in the rated year
    } else {
      int l = rng.chance(0.8) ? baseLevel : Math.max(0, Math.min(2, baseLevel + (rng.chance(0.5) ? 1 : -1)));
      level = LEVELS[l];
    }
    sink.emit(Feed.TAX, "credit_rating", publishedAt, f.uscc, JsonLine.of("credit_rating", f.uscc)
        .num("year", year).str("level", level).instant("publishedAt", publishedAt).end());
  }

  private LocalDateTime violation(Firm f, Rng rng) {
    if (f.archetype == Archetype.LITTLE_GIANT || !rng.chance(VIOLATION_SHARE)) {
      return null;
    }
    LocalDate date = range.from().atDay(1).plusDays(rng.intIn(0, (int) range.from().atDay(1)
        .until(range.lastDate(), java.time.temporal.ChronoUnit.DAYS)));
    LocalDateTime decidedAt = Range.officeTime(date, rng);
    if (!f.alive(date)) {
      return null;
    }
    String caseId = "RZSW-" + date.getYear() + "-" + (100000 + f.index);
    sink.emit(Feed.TAX, "violation", decidedAt, f.uscc, JsonLine.of("violation", f.uscc).str("caseId", caseId)
        .str("category", VIOLATIONS[rng.intIn(0, VIOLATIONS.length - 1)]).instant("decidedAt", decidedAt).end());
    return decidedAt;
  }
}
