package io.seedbed.cli.generate;

import io.seedbed.feed.Feed;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The credit feed of one enterprise: quarterly bank credit status, and rare accidents, penalties,
 * list entries (with later removal, 信用修复) and findings of falsified information. Returns the
 * times of the disqualifying incidents so the registry can revoke titles after them.
 */
final class CreditFeedGen {
  private static final String[] PENALTY_CATEGORIES = {"safety", "quality", "environment", "tax", "other"};
  private static final double[] PENALTY_WEIGHTS = {0.25, 0.2, 0.25, 0.1, 0.2};
  private static final String[] ACCIDENT_CATEGORIES = {"safety", "quality", "environment"};

  private final Range range;
  private final FeedSink sink;

  CreditFeedGen(Range range, FeedSink sink) {
    this.range = range;
    this.sink = sink;
  }

  /** Emits the firm's credit lines; returns when disqualifying incidents happened (for revocations). */
  List<LocalDateTime> emit(Firm f, Rng rng) {
    List<LocalDateTime> disqualifying = new ArrayList<>();
    bank(f, rng);
    boolean factory = f.industry.industrial();
    boolean declining = f.archetype == Archetype.DECLINER;
    for (int year = range.from().getYear(); year <= range.to().getYear(); year++) {
      if (rng.chance(factory ? 0.008 : 0.002)) {
        boolean major = rng.chance(0.15);
        LocalDateTime at = accident(f, year, ACCIDENT_CATEGORIES[rng.intIn(0, 2)], major, rng);
        if (at != null && major) {
          disqualifying.add(at);
        }
      }
      if (rng.chance(declining ? 0.05 : 0.02)) {
        String category = PENALTY_CATEGORIES[rng.weighted(PENALTY_WEIGHTS)];
        boolean major = !category.equals("tax") && !category.equals("other") && rng.chance(0.12);
        LocalDateTime at = penalty(f, randomTime(f, year, rng), category, major, rng);
        if (at != null && major) {
          disqualifying.add(at);
        }
      }
      listing(f, year, "abnormal_operation", declining ? 0.05 : 0.012, 1, 10, 0.7, rng);
      LocalDateTime serious = listing(f, year, "serious_dishonesty", 0.001, 12, 30, 0.5, rng);
      if (serious != null) {
        disqualifying.add(serious);
      }
      listing(f, year, "dishonest_debtor", declining ? 0.01 : 0.002, 3, 24, 0.5, rng);
    }
    if (f.flaw == Archetype.Flaw.RECENT_ACCIDENT) {
      // A near-miss SRDI firm: a general safety accident and its penalty within the last 2 years.
      LocalDate date = range.lastDate().minusDays(rng.intIn(60, 500));
      LocalDateTime at = Range.officeTime(date, rng);
      String caseId = caseId("SG", f, at);
      sink.emit(Feed.CREDIT, "accident", at, f.uscc, JsonLine.of("accident", f.uscc).str("caseId", caseId)
          .str("category", "safety").str("severity", "general").instant("occurredAt", at).end());
      penalty(f, at.plusDays(rng.intIn(20, 50)), "safety", false, rng);
    }
    if (rng.chance(0.0005)) {
      LocalDateTime at = randomTime(f, range.to().getYear(), rng);
      if (at != null) {
        sink.emit(Feed.CREDIT, "falsification", at, f.uscc, JsonLine.of("falsification", f.uscc)
            .str("caseId", caseId("XJ", f, at)).instant("at", at).end());
        disqualifying.add(at);
      }
    }
    return disqualifying;
  }

  private void bank(Firm f, Rng rng) {
    double score = f.bankScore;
    for (YearMonth q = range.from().plusMonths(2); !q.isAfter(range.to()); q = q.plusMonths(3)) {
      LocalDate asOf = q.atEndOfMonth();
      if (!f.alive(asOf)) {
        continue;
      }
      score = Math.max(40, Math.min(99, score + rng.gaussian(0, 2) + (f.bankScore - score) * 0.3));
      int overdue = rng.chance(f.archetype == Archetype.DECLINER ? 0.12 : 0.03) ? rng.intIn(1, 120) : 0;
      JsonLine line = JsonLine.of("bank", f.uscc).date("asOf", asOf).num("overdueDays", overdue);
      if (rng.chance(0.9)) {
        line.dec("creditScore", overdue > 30 ? score - 15 : score, 1);
      }
      sink.emit(Feed.CREDIT, "bank", asOf.atStartOfDay(), f.uscc, line.end());
    }
  }

  private LocalDateTime accident(Firm f, int year, String category, boolean major, Rng rng) {
    LocalDateTime at = randomTime(f, year, rng);
    if (at == null) {
      return null;
    }
    sink.emit(Feed.CREDIT, "accident", at, f.uscc, JsonLine.of("accident", f.uscc).str("caseId", caseId("SG", f, at))
        .str("category", category).str("severity", major ? "major" : "general").instant("occurredAt", at).end());
    if (rng.chance(0.6)) {
      penalty(f, at.plusDays(rng.intIn(15, 90)), category, major, rng);
    }
    return at;
  }

  private LocalDateTime penalty(Firm f, LocalDateTime at, String category, boolean major, Rng rng) {
    if (at == null || !range.contains(at) || !f.alive(at.toLocalDate())) {
      return null;
    }
    JsonLine line = JsonLine.of("penalty", f.uscc).str("caseId", caseId("CF", f, at)).str("category", category)
        .str("severity", major ? "major" : "general").instant("decidedAt", at);
    if (rng.chance(0.8)) {
      line.money("amount", Math.round(rng.logNormal(major ? 300_000 : 20_000, 0.8) / 100) * 100.0);
    }
    sink.emit(Feed.CREDIT, "penalty", at, f.uscc, line.end());
    return at;
  }

  /** An add with probability {@code p} in {@code year}, and with {@code pRemove} a removal months later. */
  private LocalDateTime listing(Firm f, int year, String list, double p, int minMonths, int maxMonths,
      double pRemove, Rng rng) {
    if (!rng.chance(p)) {
      return null;
    }
    LocalDateTime added = randomTime(f, year, rng);
    if (added == null) {
      return null;
    }
    sink.emit(Feed.CREDIT, "listing", added, f.uscc, JsonLine.of("listing", f.uscc).str("list", list)
        .str("action", "add").instant("at", added).end());
    LocalDateTime removed = added.plusMonths(rng.intIn(minMonths, maxMonths));
    if (rng.chance(pRemove) && range.contains(removed) && f.alive(removed.toLocalDate())) {
      sink.emit(Feed.CREDIT, "listing", removed, f.uscc, JsonLine.of("listing", f.uscc).str("list", list)
          .str("action", "remove").instant("at", removed).end());
    }
    return added;
  }

  /** A random office-hours time in {@code year} within the range while the firm is alive, or null. */
  private LocalDateTime randomTime(Firm f, int year, Rng rng) {
    LocalDate date = LocalDate.of(year, 1, 1).plusDays(rng.intIn(0, 364));
    LocalDateTime at = Range.officeTime(date, rng);
    return at.isBefore(range.start()) || !range.contains(at) || !f.alive(date) ? null : at;
  }

  private static String caseId(String prefix, Firm f, LocalDateTime at) {
    return "RZ" + prefix + "-" + at.getYear() + "-" + (1_000_000 + f.index) + "-"
        + at.getDayOfYear() * 100 + at.getHour();
  }
}
