package io.seedbed.cli.generate;

import io.seedbed.feed.Feed;
import io.seedbed.feed.RdInstitution;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry feed of one enterprise: its profile at first appearance (the range start, or its
 * registration), later patches (upgrades, renames, the MIIT development score from 2026, the
 * deregistration), titles granted to firms whose story fits them (3-year validity, renewal or
 * expiry, revocation after a disqualifying incident), equity financing rounds and S&T awards.
 */
final class RegistryFeedGen {
  private final Range range;
  private final FeedSink sink;

  RegistryFeedGen(Range range, FeedSink sink) {
    this.range = range;
    this.sink = sink;
  }

  void emit(Firm f, List<LocalDateTime> disqualifying, Rng rng) {
    LocalDateTime first = f.registeredAt.atTime(9, 0).isAfter(range.start()) ? f.registeredAt.atTime(9, 0) : range.start();
    initialProfile(f, first);
    patches(f, first, rng);
    financing(f, rng);
    titles(f, disqualifying, rng);
    awards(f, rng);
    if (f.deregisteredAt != null) {
      LocalDateTime at = f.deregisteredAt.atTime(10, 0);
      emitPatch(f, at, patch(f, at).str("status", f.closedAs));
    }
  }

  private void initialProfile(Firm f, LocalDateTime at) {
    JsonLine p = JsonLine.of("profile", f.uscc).instant("at", at).str("name", f.name)
        .date("registeredAt", f.registeredAt).str("district", f.district.code()).str("industry", f.industry.code())
        .bool("legalPerson", f.legalPerson).str("status", "active");
    if (f.landAreaMu != null) {
      p.dec("landAreaMu", f.landAreaMu, 1);
    }
    if (!f.certifications.isEmpty()) {
      p.strList("certifications", f.certifications);
    }
    if (f.nicheSince != null && !f.nicheSince.isAfter(at.toLocalDate())) {
      p.date("nicheSince", f.nicheSince);
    }
    if (!f.productTags.isEmpty()) {
      p.strList("productTags", f.productTags);
    }
    p.str("rdInstitution", f.rdInstitution.code()).num("digitalLevel", f.digitalLevel)
        .bool("ownBrand", f.ownBrand).str("listing", f.listing.code());
    if (f.marketShare != null) {
      p.dec("marketShare", f.marketShare, 3).num("marketRank", f.marketRank);
    }
    sink.emit(Feed.REGISTRY, "profile", at, f.uscc, p.end());
  }

  private static JsonLine patch(Firm f, LocalDateTime at) {
    return JsonLine.of("profile", f.uscc).instant("at", at);
  }

  private void emitPatch(Firm f, LocalDateTime at, JsonLine line) {
    if (range.contains(at) && !at.isBefore(range.start())) {
      sink.emit(Feed.REGISTRY, "profile", at, f.uscc, line.end());
    }
  }

  private void patches(Firm f, LocalDateTime first, Rng rng) {
    if (f.nicheSince != null && f.nicheSince.isAfter(first.toLocalDate())) {
      LocalDateTime at = f.nicheSince.atTime(11, 0);
      emitPatch(f, at, patch(f, at).date("nicheSince", f.nicheSince));
    }
    if (rng.chance(0.12)) {
      LocalDateTime at = Range.officeTime(first.toLocalDate().plusDays(rng.intIn(30, 1200)), rng);
      if (f.alive(at.toLocalDate())) {
        JsonLine p = patch(f, at);
        switch (rng.intIn(0, 3)) {
          case 0 -> p.num("digitalLevel", Math.min(4, f.digitalLevel + 1));
          case 1 -> p.str("rdInstitution", f.rdInstitution == RdInstitution.NONE ? "below_city" : "provincial");
          case 2 -> p.str("name", f.name.replace("有限公司", "集团有限公司"));
          default -> p.strList("certifications", withIso(f));
        }
        emitPatch(f, at, p);
      }
    }
    if (f.nicheSince != null && f.archetype != Archetype.ORDINARY) {
      // The MIIT platform's 专精特新发展评价 score exists from 2026 (工信厅企业〔2024〕75号 rules in force).
      for (int year = Math.max(2026, range.from().getYear()); year <= range.to().getYear(); year++) {
        LocalDateTime at = LocalDate.of(year, 6, 30).atTime(16, 0);
        double score = switch (f.archetype) {
          case LITTLE_GIANT -> rng.between(62, 92);
          case SRDI -> rng.between(52, 85);
          case SRDI_NEAR_MISS -> rng.between(40, 62);
          default -> rng.between(45, 78);
        };
        if (f.alive(at.toLocalDate())) {
          emitPatch(f, at, patch(f, at).dec("developmentScore", score, 1));
        }
      }
    }
  }

  private static List<String> withIso(Firm f) {
    List<String> certs = new ArrayList<>(f.certifications);
    if (!certs.contains("ISO14001")) {
      certs.add("ISO14001");
    }
    return certs;
  }

  private void financing(Firm f, Rng rng) {
    int rounds = switch (f.archetype) {
      case UNICORN -> rng.intIn(3, 4);
      case GAZELLE -> rng.chance(0.4) ? rng.intIn(1, 2) : 0;
      case SRDI, LITTLE_GIANT -> rng.chance(0.15) ? 1 : 0;
      case SRDI_NEAR_MISS -> f.flaw == Archetype.Flaw.REVENUE_BELOW_10M && rng.chance(0.3) ? 1 : 0;
      default -> 0;
    };
    LocalDate lo = f.registeredAt.isAfter(range.from().atDay(1)) ? f.registeredAt.plusMonths(3) : range.from().atDay(1);
    long span = lo.until(range.lastDate(), java.time.temporal.ChronoUnit.DAYS);
    for (int r = 1; r <= rounds && span > rounds; r++) {
      // Rounds spread over the range in order; the unicorn's valuation climbs with each.
      LocalDate date = lo.plusDays(span * (r - 1) / rounds + rng.intIn(0, (int) (span / rounds) - 1));
      LocalDateTime at = Range.officeTime(date, rng);
      double amount = switch (f.archetype) {
        case UNICORN -> rng.between(1e8, 1.5e9) * r / rounds;
        case SRDI_NEAR_MISS -> rng.between(2e7, 3e7);
        default -> rng.between(5e6, 4e7);
      };
      sink.emit(Feed.REGISTRY, "financing", at, f.uscc, JsonLine.of("financing", f.uscc)
          .money("amount", Math.round(amount / 10_000) * 10_000.0)
          .bool("qualifiedInvestor", f.archetype == Archetype.UNICORN || rng.chance(0.8)).instant("at", at).end());
      if (f.archetype == Archetype.UNICORN) {
        LocalDateTime valuedAt = at.plusDays(1);
        emitPatch(f, valuedAt, patch(f, valuedAt).dec("valuationUsd", f.valuationUsd * Math.pow(0.45, rounds - r), 0));
        if (r == rounds && f.valuationUsd >= 1e9) {
          LocalDateTime titled = at.plusMonths(2);
          if (range.contains(titled)) {
            sink.emit(Feed.REGISTRY, "title", titled, f.uscc, title(f, "unicorn", "granted", titled, titled.toLocalDate().plusYears(1)));
          }
        }
      }
    }
  }

  private void titles(Firm f, List<LocalDateTime> disqualifying, Rng rng) {
    int fy = range.from().getYear();
    int ty = range.to().getYear();
    Archetype a = f.archetype;
    boolean srdiLike = a == Archetype.SRDI || a == Archetype.SRDI_NEAR_MISS || a == Archetype.LITTLE_GIANT;
    boolean rdActive = f.rdRatio >= 0.015;
    if (srdiLike || a == Archetype.GAZELLE || a == Archetype.UNICORN || (rdActive && rng.chance(0.2))) {
      int y = rng.intIn(fy - 2, fy);
      grant(f, "innovative_sme", LocalDate.of(y, 6, 30), disqualifying, rng);
      if (a == Archetype.SRDI && rng.chance(0.9) || a == Archetype.SRDI_NEAR_MISS && rng.chance(0.3)
          || a == Archetype.LITTLE_GIANT) {
        grant(f, "srdi_city", LocalDate.of(y, 9, 15), disqualifying, rng);
      }
    }
    if (a == Archetype.LITTLE_GIANT || a == Archetype.SRDI && rng.chance(0.55)) {
      int y = a == Archetype.LITTLE_GIANT ? fy - 3 : rng.intIn(fy - 1, ty - 1);
      grant(f, "srdi_provincial", LocalDate.of(y, 12, 20), disqualifying, rng);
    }
    if (a == Archetype.LITTLE_GIANT && rng.chance(0.7)) {
      grant(f, "little_giant", LocalDate.of(rng.intIn(fy - 1, ty - 1), 8, 1), disqualifying, rng);
      if (f.marketRank != null && f.marketRank == 1 && rng.chance(0.5)) {
        grant(f, "champion_provincial", LocalDate.of(rng.intIn(fy, ty - 1), 10, 10), disqualifying, rng);
      }
    }
    if (srdiLike || a == Archetype.GAZELLE ? rng.chance(0.7) : a == Archetype.UNICORN || rdActive && rng.chance(0.3)) {
      grant(f, "high_tech", LocalDate.of(rng.intIn(fy - 3, ty - 1), 12, 15), disqualifying, rng);
    }
    if (a == Archetype.GAZELLE && rng.chance(0.8)) {
      grant(f, "gazelle_city", LocalDate.of(fy, 11, 10), disqualifying, rng);
      if (rng.chance(0.5)) {
        grant(f, "gazelle_provincial", LocalDate.of(fy + 1, 11, 25), disqualifying, rng);
      }
    }
    if (rdActive && f.rdStaffShare > 0.1 || srdiLike) {
      // 科技型中小企业: evaluated every year, the title lasts for that year's list.
      for (int y = fy; y <= ty; y++) {
        LocalDateTime at = LocalDate.of(y, 5, 15).atTime(10, 0);
        if (range.contains(at) && f.alive(at.toLocalDate()) && rng.chance(0.85)) {
          sink.emit(Feed.REGISTRY, "title", at, f.uscc, title(f, "tech_sme", "granted", at, LocalDate.of(y, 12, 31)));
        }
      }
    }
  }

  /**
   * A title granted on {@code date} for 3 years, renewed at expiry (80%) or left to expire, and
   * revoked a month or two after a disqualifying incident while it is valid.
   */
  private void grant(Firm f, String title, LocalDate date, List<LocalDateTime> disqualifying, Rng rng) {
    LocalDate granted = date;
    while (true) {
      if (granted.isBefore(f.registeredAt.plusYears(1))) {
        return;
      }
      LocalDateTime at = granted.atTime(10, 0);
      if (!range.contains(at) || !f.alive(granted)) {
        return;
      }
      LocalDate validUntil = granted.plusYears(3).minusDays(1);
      sink.emit(Feed.REGISTRY, "title", at, f.uscc, title(f, title, "granted", at, validUntil));
      for (LocalDateTime incident : disqualifying) {
        LocalDateTime revokedAt = incident.plusDays(rng.intIn(30, 75));
        if (incident.isAfter(at) && !incident.toLocalDate().isAfter(validUntil) && range.contains(revokedAt)) {
          sink.emit(Feed.REGISTRY, "title", revokedAt, f.uscc, title(f, title, "revoked", revokedAt, null));
          return;
        }
      }
      LocalDate next = validUntil.plusDays(1);
      if (rng.chance(0.8)) {
        granted = next;
      } else {
        LocalDateTime expiredAt = next.atTime(0, 0);
        if (range.contains(expiredAt) && f.alive(next)) {
          sink.emit(Feed.REGISTRY, "title", expiredAt, f.uscc, title(f, title, "expired", expiredAt, null));
        }
        return;
      }
    }
  }

  private static String title(Firm f, String title, String action, LocalDateTime at, LocalDate validUntil) {
    JsonLine line = JsonLine.of("title", f.uscc).str("title", title).str("action", action).instant("at", at);
    if (validUntil != null) {
      line.date("validUntil", validUntil);
    }
    return line.end();
  }

  private void awards(Firm f, Rng rng) {
    double p = switch (f.archetype) {
      case LITTLE_GIANT -> 0.25;
      case SRDI, GAZELLE -> 0.05;
      default -> 0;
    };
    if (!rng.chance(p)) {
      return;
    }
    boolean national = f.archetype == Archetype.LITTLE_GIANT && rng.chance(0.1);
    LocalDateTime at = LocalDate.of(rng.intIn(range.from().getYear(), range.to().getYear()), 5, 20).atTime(10, 0);
    if (range.contains(at) && !at.isBefore(range.start())) {
      sink.emit(Feed.REGISTRY, "award", at, f.uscc, JsonLine.of("award", f.uscc)
          .str("level", national ? "national" : "provincial").num("rank", rng.intIn(1, national ? 5 : 6))
          .instant("at", at).end());
    }
  }
}
