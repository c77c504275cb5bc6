package io.seedbed.cli.generate;

import io.seedbed.feed.Feed;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The patent/IP feed of one enterprise: the full lifecycle of each item from its filing (back to
 * 2012 at most, so the portfolio valid in the range is complete): grants (inventions 1.5-3.5 years
 * after filing, utility models and designs within a year), lapses and restorations, invalidations,
 * pledges, foreign grants of high-value inventions, transfers, awards, and rare abnormal filings.
 */
final class PatentFeedGen {
  private static final int HISTORY_FROM_YEAR = 2012;
  private static final String[] TYPES = {"invention", "utility_model", "design", "software_copyright",
      "ic_layout", "new_drug"};

  private final Range range;
  private final FeedSink sink;
  private final int total;
  /** Items numbered so far per (year, type), so that IP numbers are unique in the city. */
  private int[][] sequence;
  private Firm firm;

  PatentFeedGen(Range range, FeedSink sink, int total) {
    this.range = range;
    this.sink = sink;
    this.total = total;
  }

  void emit(Firm f, Rng rng) {
    firm = f;
    sequence = new int[range.to().getYear() + 1 - 1990][TYPES.length];
    LocalDate start = f.registeredAt.getYear() < HISTORY_FROM_YEAR ? LocalDate.of(HISTORY_FROM_YEAR, 1, 1) : f.registeredAt;
    boolean innovator = f.nicheSince != null;
    for (int year = start.getYear(); year <= range.to().getYear(); year++) {
      double yearShare = year == start.getYear() ? (366 - start.getDayOfYear()) / 365.0 : 1.0;
      file(0, rng.poisson(f.inventionsPerYear * yearShare), year, start, innovator, rng);
      file(1, rng.poisson(f.utilityModelsPerYear * yearShare), year, start, innovator, rng);
      file(2, rng.poisson(f.designsPerYear * yearShare), year, start, innovator, rng);
      file(3, rng.poisson(f.softwarePerYear * yearShare), year, start, innovator, rng);
    }
    String code = f.industry.code();
    if (innovator && (code.equals("C3976") || code.equals("C3982")) && rng.chance(0.3)) {
      file(4, 1, rng.intIn(start.getYear(), range.to().getYear()), start, true, rng);
    }
    if (innovator && code.startsWith("C27") && rng.chance(0.2)) {
      file(5, 1, rng.intIn(start.getYear(), range.to().getYear()), start, true, rng);
    }
    if (innovator && rng.chance(0.25)) {
      // Bought-in inventions: they count only a year after the transfer, and not for 小巨人 (2026).
      for (int k = rng.intIn(1, 3); k > 0; k--) {
        LocalDateTime at = timeIn(range.from().atDay(1), range.lastDate(), rng);
        String no = number(0, at.getYear() - rng.intIn(3, 8));
        if (no != null && f.alive(at.toLocalDate())) {
          event(no, 0, "transferred_in", at);
        }
      }
    }
    if (rng.chance(0.001)) {
      LocalDateTime filed = timeIn(range.from().atDay(1), range.lastDate().minusMonths(9), rng);
      String no = number(1, filed.getYear());
      if (no != null && f.alive(filed.toLocalDate())) {
        event(no, 1, "filed", filed);
        event(no, 1, "abnormal", filed.plusMonths(rng.intIn(3, 8)));
      }
    }
  }

  private void file(int type, int count, int year, LocalDate start, boolean innovator, Rng rng) {
    for (int k = 0; k < count; k++) {
      LocalDate lo = LocalDate.of(year, 1, 1).isBefore(start) ? start : LocalDate.of(year, 1, 1);
      LocalDate hi = LocalDate.of(year, 12, 31).isAfter(range.lastDate()) ? range.lastDate() : LocalDate.of(year, 12, 31);
      if (hi.isBefore(lo)) {
        return;
      }
      LocalDateTime filed = timeIn(lo, hi, rng);
      String no = number(type, year);
      if (no == null || !firm.alive(filed.toLocalDate())) {
        continue;
      }
      event(no, type, "filed", filed);
      lifecycle(no, type, filed, innovator, rng);
    }
  }

  private void lifecycle(String no, int type, LocalDateTime filed, boolean innovator, Rng rng) {
    double pGrant = switch (type) { case 0 -> innovator ? 0.75 : 0.55; case 3, 4, 5 -> 1.0; default -> 0.93; };
    if (!rng.chance(pGrant)) {
      return;
    }
    LocalDateTime granted = switch (type) {
      case 0 -> filed.plusMonths(rng.intIn(18, 40));
      case 1 -> filed.plusMonths(rng.intIn(5, 12));
      case 2 -> filed.plusMonths(rng.intIn(4, 9));
      case 3 -> filed.plusMonths(rng.intIn(1, 3));
      default -> filed.plusMonths(rng.intIn(6, 30));
    };
    if (!event(no, type, "granted", granted)) {
      return;
    }
    if (type == 0) {
      if (rng.chance(innovator ? 0.12 : 0.02)) {
        event(no, type, "foreign_granted", filed.plusMonths(rng.intIn(30, 54)));
      }
      if (rng.chance(0.05)) {
        event(no, type, "pledged", granted.plusMonths(rng.intIn(6, 30)));
      }
      if (rng.chance(innovator ? 0.02 : 0.002)) {
        event(no, type, "awarded", granted.plusMonths(rng.intIn(12, 40)));
      }
      if (rng.chance(0.02)) {
        event(no, type, "transferred_out", granted.plusMonths(rng.intIn(6, 60)));
        return;
      }
    }
    if (type <= 2 && rng.chance(0.012)) {
      event(no, type, "invalidated", granted.plusMonths(rng.intIn(8, 40)));
      return;
    }
    double pLapse = switch (type) { case 0 -> 0.1; case 1 -> 0.25; case 2 -> 0.3; default -> 0.0; };
    if (rng.chance(pLapse)) {
      LocalDateTime lapsed = granted.plusMonths(rng.intIn(24, 84));
      if (event(no, type, "lapsed", lapsed) && rng.chance(0.2)) {
        event(no, type, "restored", lapsed.plusMonths(rng.intIn(2, 5)));
      }
    }
  }

  /** Emits one event if it falls within the firm's life and the range; says whether it did. */
  private boolean event(String no, int type, String event, LocalDateTime at) {
    if (!range.contains(at) || !firm.alive(at.toLocalDate())) {
      return false;
    }
    sink.emit(Feed.PATENT, "ip_event", at, firm.uscc, JsonLine.of("ip_event", firm.uscc).str("ipNo", no)
        .str("ipType", TYPES[type]).str("event", event).instant("at", at).end());
    return true;
  }

  /** A CNIPA-style number (CN + year + type digit + 7-digit serial + check), unique in the city; null if the serials run out. */
  private String number(int type, int year) {
    int seq = sequence[year - 1990][type]++;
    long serial = firm.index + (long) total * seq;
    if (serial >= 10_000_000) {
      return null;
    }
    String digits = String.valueOf(10_000_000 + serial).substring(1);
    return switch (type) {
      case 3 -> year + "SR" + digits;
      case 4 -> "BS" + year + digits;
      case 5 -> "GYZZ" + year + digits;
      default -> {
        String body = year + String.valueOf(type + 1) + digits;
        yield "CN" + body + "." + cnipaCheck(body);
      }
    };
  }

  /** The check digit of a 12-digit CNIPA application number (weights 2..9 repeating, mod 11, 10 = X). */
  private static String cnipaCheck(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += (body.charAt(i) - '0') * (2 + i % 8);
    }
    int check = sum % 11;
    return check == 10 ? "X" : String.valueOf(check);
  }

  private LocalDateTime timeIn(LocalDate lo, LocalDate hi, Rng rng) {
    long days = lo.until(hi, java.time.temporal.ChronoUnit.DAYS);
    return Range.officeTime(lo.plusDays(days <= 0 ? 0 : rng.intIn(0, (int) days)), rng);
  }
}
