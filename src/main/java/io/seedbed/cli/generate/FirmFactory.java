package io.seedbed.cli.generate;

import io.seedbed.cli.generate.Archetype.Flaw;
import io.seedbed.cli.generate.Catalog.Industry;
import io.seedbed.cli.generate.Catalog.Sector;
import io.seedbed.feed.ListingStage;
import io.seedbed.feed.RdInstitution;
import io.seedbed.feed.Uscc;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Draws the traits of enterprise number {@code index} of a city; a pure function of its arguments. */
final class FirmFactory {
  /** Share of firms metered daily instead of monthly (kept small: daily lines dominate file size). */
  static final double DAILY_METER_SHARE = 0.01;
  private static final double M = 1_000_000;

  private final long citySeed;
  private final int total;
  private final YearMonth from;
  private final YearMonth to;

  FirmFactory(long citySeed, int total, YearMonth from, YearMonth to) {
    this.citySeed = citySeed;
    this.total = total;
    this.from = from;
    this.to = to;
  }

  /** How many unicorn candidates a city of {@code total} firms has: 1 to 3. */
  static int unicornCount(int total) {
    return Math.max(1, Math.min(3, total / 1000));
  }

  /** The rank (0 = the one valued over 1 billion USD) of a unicorn candidate, or -1. */
  static int unicornRank(int index, int total) {
    int n = unicornCount(total);
    for (int k = 0; k < n; k++) {
      if (index == (int) ((k * 2L + 1) * total / (2L * n))) {
        return k;
      }
    }
    return -1;
  }

  Firm create(int index) {
    Rng rng = new Rng(Rng.streamSeed(citySeed, index, 0));
    Firm f = new Firm();
    f.index = index;
    f.seed = Rng.streamSeed(citySeed, index, 99);
    f.archetype = archetype(index, rng);
    f.industry = industry(f.archetype, rng);
    f.district = district(f.industry, rng);
    f.registeredAt = registration(f.archetype, rng);
    f.legalPerson = f.archetype != Archetype.ORDINARY || !rng.chance(0.03);
    f.uscc = uscc(f, rng);
    f.name = name(f, rng);
    traits(f, rng);
    if (f.archetype == Archetype.SRDI_NEAR_MISS) {
      applyFlaw(f, rng);
    }
    deregistration(f, rng);
    return f;
  }

  private Archetype archetype(int index, Rng rng) {
    if (unicornRank(index, total) >= 0) {
      return Archetype.UNICORN;
    }
    Archetype[] all = Archetype.values();
    double[] w = new double[all.length];
    for (int i = 0; i < all.length; i++) {
      w[i] = all[i].share;
    }
    return all[rng.weighted(w)];
  }

  private static Industry industry(Archetype a, Rng rng) {
    List<Industry> pool = new ArrayList<>();
    for (Industry i : Catalog.INDUSTRIES) {
      boolean fits = switch (a) {
        case ORDINARY, DECLINER -> true;
        case SCALE_UP, LARGE -> i.industrial();
        case GAZELLE, SRDI, SRDI_NEAR_MISS -> i.industrial() || i.sector() == Sector.SOFTWARE;
        case LITTLE_GIANT -> i.industrial() && !i.field().equals("grain_oil_food");
        case UNICORN -> i.field().equals("new_it") || i.field().equals("new_medicine") || i.field().equals("new_materials");
      };
      if (fits) {
        pool.add(i);
      }
    }
    double[] w = new double[pool.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = pool.get(i).weight();
    }
    return pool.get(rng.weighted(w));
  }

  private static Catalog.District district(Industry industry, Rng rng) {
    if (industry.field().equals("advanced_steel") && rng.chance(0.7)) {
      return Catalog.DISTRICTS.get(1); // 岚山: the steel base
    }
    double[] w = Catalog.DISTRICTS.stream().mapToDouble(Catalog.District::weight).toArray();
    return Catalog.DISTRICTS.get(rng.weighted(w));
  }

  private LocalDate registration(Archetype a, Rng rng) {
    int fy = from.getYear();
    int year = switch (a) {
      case ORDINARY, DECLINER, SCALE_UP -> 2025 - (int) Math.floor(31 * Math.pow(rng.unit(), 1.7));
      case GAZELLE -> rng.intIn(fy - 12, fy - 3);
      case SRDI, SRDI_NEAR_MISS -> rng.intIn(Math.max(1995, fy - 22), fy - 3);
      case LITTLE_GIANT -> rng.intIn(Math.max(1995, fy - 25), fy - 7);
      case LARGE -> rng.intIn(1995, fy - 10);
      case UNICORN -> rng.intIn(fy - 4, fy - 2);
    };
    LocalDate date = LocalDate.of(year, 1, 1).plusDays(rng.intIn(0, 364));
    LocalDate latest = to.atEndOfMonth().minusDays(45);
    return date.isAfter(latest) ? latest.minusDays(rng.intIn(0, 300)) : date;
  }

  private void traits(Firm f, Rng rng) {
    Industry ind = f.industry;
    boolean factory = ind.industrial();
    double growth;
    double anchor; // operating revenue in the year before --from
    f.mainShare = rng.between(0.62, 1.0);
    f.netMargin = rng.gaussian(0.045, 0.05);
    f.assetRatio = rng.between(0.5, 2.2);
    f.leverage = rng.between(0.2, 0.85);
    f.rdRatio = rng.chance(factory || ind.sector() == Sector.SOFTWARE ? 0.5 : 0.1) ? rng.between(0.002, 0.028) : 0;
    f.revenuePerEmployee = switch (ind.sector()) {
      case INDUSTRY -> rng.between(0.4 * M, 1.2 * M);
      case WHOLESALE -> rng.between(2 * M, 5 * M);
      case RETAIL -> rng.between(0.5 * M, 1.5 * M);
      case SOFTWARE -> rng.between(0.25 * M, 0.6 * M);
    };
    f.rdStaffShare = f.rdRatio > 0 ? rng.between(0.03, 0.2) : 0;
    f.taxRate = rng.between(0.02, 0.06);
    f.seasonality = rng.between(0.2, 1.2);
    f.kwhPerYuan = ind.kwhPerYuan() * rng.logNormal(1, 0.35);
    f.certifications = new ArrayList<>();
    f.productTags = new ArrayList<>();
    f.digitalLevel = rng.intIn(1, 2);
    f.rdInstitution = rng.chance(0.85) ? RdInstitution.NONE : rng.chance(0.6) ? RdInstitution.BELOW_CITY : RdInstitution.CITY;
    f.ownBrand = rng.chance(0.4);
    f.listing = ListingStage.NONE;
    f.bankScore = rng.between(62, 95);
    f.inventionsPerYear = factory ? 0.04 : 0;
    f.utilityModelsPerYear = factory ? (f.rdRatio > 0 ? 0.5 : 0.1) : 0;
    f.designsPerYear = factory && rng.chance(0.2) ? 0.3 : 0;
    f.softwarePerYear = ind.sector() == Sector.SOFTWARE ? rng.between(0.5, 3) : 0;
    double scale = switch (ind.sector()) {
      case INDUSTRY -> 2.5 * M;
      case WHOLESALE -> 4 * M;
      case RETAIL -> 1.2 * M;
      case SOFTWARE -> 1 * M;
    };
    switch (f.archetype) {
      case DECLINER -> {
        anchor = rng.logNormal(scale, 1.2);
        growth = rng.gaussian(-0.12, 0.05);
        f.netMargin = rng.gaussian(-0.01, 0.05);
        f.bankScore = rng.between(60, 80);
      }
      case SCALE_UP -> {
        // Crosses the 20 million main-revenue 规上 line (criteria.md §9) 2-3 years after the anchor year.
        growth = rng.between(0.15, 0.3);
        f.mainShare = rng.between(0.9, 0.97);
        anchor = 20 * M / f.mainShare / Math.pow(1 + growth, rng.intIn(2, 3)) * rng.between(0.97, 1.03);
      }
      case GAZELLE -> {
        // Above the provincial 瞪羚 growth and R&D bands (criteria.md §5.1): 25%+ CAGR, R&D 5%+, score 75+.
        growth = rng.between(0.27, 0.45);
        anchor = Math.exp(rng.between(Math.log(10 * M), Math.log(60 * M)));
        f.rdRatio = rng.between(0.056, 0.08);
        f.leverage = rng.between(0.3, 0.6);
        f.bankScore = rng.between(78, 96);
        f.netMargin = rng.between(0.06, 0.15);
        innovator(f, rng, 1.5, 3);
      }
      case SRDI, SRDI_NEAR_MISS -> {
        // 专精特新 hard conditions (criteria.md §3.1/§3.3): R&D >= 1 million and >= 3% (with margin
        // for the ±10% yearly noise), revenue >= 15 million, niche >= 3 years, main share >= 85%.
        growth = rng.between(0.05, 0.2);
        f.rdRatio = rng.between(0.034, 0.07);
        anchor = Math.max(rng.between(15 * M, 90 * M), 1.25 * M / (f.rdRatio * 0.9));
        f.mainShare = rng.between(0.85, 0.98);
        f.leverage = rng.between(0.25, 0.6);
        f.netMargin = rng.between(0.04, 0.15);
        f.nicheSince = f.registeredAt.plusYears(1).isBefore(from.atDay(1).minusYears(3))
            ? f.registeredAt.plusYears(1) : f.registeredAt;
        innovator(f, rng, 0.6, 2);
        f.rdInstitution = rng.pick(List.of(RdInstitution.BELOW_CITY, RdInstitution.CITY, RdInstitution.CITY, RdInstitution.PROVINCIAL));
        if (rng.chance(0.15)) {
          f.listing = ListingStage.REGIONAL;
        }
      }
      case LITTLE_GIANT -> {
        // 小巨人 general route (criteria.md §4.1): 50-100 million revenue with R&D >= 6%, or
        // >= 100 million with >= 3%; niche share >= 10%; debt ratio <= 70%; growth >= 5%.
        growth = rng.between(0.06, 0.16);
        anchor = rng.chance(0.35) ? rng.between(55 * M, 95 * M) : rng.between(110 * M, 350 * M);
        f.rdRatio = anchor < 100 * M ? rng.between(0.068, 0.09) : rng.between(0.036, 0.06);
        f.mainShare = rng.between(0.86, 0.97);
        f.leverage = rng.between(0.3, 0.6);
        f.netMargin = rng.between(0.07, 0.18);
        f.nicheSince = f.registeredAt.plusYears(1);
        innovator(f, rng, 3, 6);
        f.rdInstitution = rng.chance(0.3) ? RdInstitution.NATIONAL : RdInstitution.PROVINCIAL;
        f.marketShare = round3(rng.between(0.1, 0.35));
        f.marketRank = rng.intIn(1, 3);
        f.productTags.add("key_chain");
        f.listing = rng.chance(0.15) ? ListingStage.LISTED : rng.chance(0.3) ? ListingStage.NEEQ : ListingStage.NONE;
      }
      case LARGE -> {
        growth = rng.between(-0.02, 0.08);
        anchor = Math.exp(rng.between(Math.log(500 * M), Math.log(6000 * M)));
        f.revenuePerEmployee = anchor / rng.between(1200, 6000);
        f.rdRatio = rng.between(0.01, 0.03);
        f.listing = rng.chance(0.3) ? ListingStage.LISTED : ListingStage.NONE;
        f.inventionsPerYear = 2;
        f.utilityModelsPerYear = 6;
      }
      case UNICORN -> {
        growth = rng.between(0.7, 1.0);
        anchor = rng.between(20 * M, 60 * M);
        f.rdRatio = rng.between(0.1, 0.2);
        f.netMargin = rng.between(-0.2, 0.02);
        f.leverage = rng.between(0.2, 0.45);
        f.assetRatio = rng.between(3, 6);
        f.nicheSince = f.registeredAt;
        innovator(f, rng, 3, 5);
        f.valuationUsd = unicornRank(f.index, total) == 0 ? rng.between(1.1e9, 1.8e9) : rng.between(2e8, 8e8);
      }
      default -> {
        anchor = rng.logNormal(scale, 1.2);
        growth = rng.gaussian(0.04, 0.06);
      }
    }
    f.revenue = revenuePath(anchor, growth, rng);
    if (factory && rng.chance(f.archetype == Archetype.ORDINARY || f.archetype == Archetype.DECLINER ? 0.7 : 0.95)) {
      f.landAreaMu = Math.round(Math.min(300, Math.max(5, anchor / 800_000 * rng.between(0.5, 1.5))) * 10) / 10.0;
    }
    boolean qualityMinded = f.nicheSince != null || f.archetype == Archetype.LARGE;
    if (qualityMinded || rng.chance(factory ? 0.45 : ind.sector() == Sector.SOFTWARE ? 0.3 : 0.1)) {
      f.certifications.add("ISO9001");
    }
    if (factory && rng.chance(qualityMinded ? 0.5 : 0.15)) {
      f.certifications.add("ISO14001");
    }
    if (ind.field().equals("auto") && rng.chance(0.4)) {
      f.certifications.add("IATF16949");
    }
    if (ind.sector() == Sector.SOFTWARE && rng.chance(0.2)) {
      f.certifications.add("ISO27001");
    }
    if (rng.chance(ind.emerging())) {
      f.productTags.add("strategic_emerging");
    }
    if (f.nicheSince != null && rng.chance(0.5) && (ind.field().equals("new_equipment") || ind.field().equals("new_materials")
        || ind.field().equals("auto"))) {
      f.productTags.add("six_foundations");
    }
    if ((ind.field().equals("auto") || ind.field().equals("advanced_steel")) && rng.chance(0.2)) {
      f.productTags.add("leader_supplier");
    }
    if (ind.field().equals("grain_oil_food") && rng.chance(0.03)) {
      f.productTags.add("time_honored");
    }
    f.dailyMeter = rng.chance(DAILY_METER_SHARE);
    f.meterDay = rng.chance(0.15) ? 15 : 1;
    f.firstYear = from.getYear() - 4;
  }

  private static void innovator(Firm f, Rng rng, double inventionsLo, double inventionsHi) {
    f.inventionsPerYear = rng.between(inventionsLo, inventionsHi);
    f.utilityModelsPerYear = rng.between(1, 5);
    f.rdStaffShare = rng.between(0.15, 0.4);
    f.digitalLevel = rng.intIn(2, 4);
    f.ownBrand = rng.chance(0.85);
    f.bankScore = Math.max(f.bankScore, rng.between(76, 96));
    if (f.industry.sector() == Sector.SOFTWARE) {
      f.softwarePerYear = rng.between(3, 8);
    }
  }

  private double[] revenuePath(double anchor, double growth, Rng rng) {
    int firstYear = from.getYear() - 4;
    double[] r = new double[to.getYear() - firstYear + 1];
    int anchorAt = 3; // from.getYear() - 1
    r[anchorAt] = anchor;
    for (int i = anchorAt + 1; i < r.length; i++) {
      r[i] = r[i - 1] * Math.max(0.2, 1 + growth + rng.gaussian(0, 0.03));
    }
    for (int i = anchorAt - 1; i >= 0; i--) {
      r[i] = r[i + 1] / Math.max(0.2, 1 + growth + rng.gaussian(0, 0.03));
    }
    return r;
  }

  private void applyFlaw(Firm f, Rng rng) {
    Flaw[] flaws = {Flaw.RD_RATIO_BELOW_3PCT, Flaw.REVENUE_BELOW_10M, Flaw.NICHE_TOO_RECENT,
        Flaw.NO_QUALITY_CERTIFICATE, Flaw.RECENT_ACCIDENT, Flaw.HIGH_LEVERAGE};
    f.flaw = flaws[rng.intIn(0, flaws.length - 1)];
    switch (f.flaw) {
      case RD_RATIO_BELOW_3PCT -> f.rdRatio = rng.between(0.024, 0.027);
      case REVENUE_BELOW_10M -> {
        double target = rng.between(7 * M, 9.3 * M);
        double scale = target / f.revenue[3];
        for (int i = 0; i < f.revenue.length; i++) {
          f.revenue[i] = Math.min(f.revenue[i] * scale, 9.6 * M);
        }
      }
      case NICHE_TOO_RECENT -> f.nicheSince = to.atDay(1).minusMonths(rng.intIn(6, 18));
      case NO_QUALITY_CERTIFICATE -> f.certifications.remove("ISO9001");
      case HIGH_LEVERAGE -> f.leverage = rng.between(0.82, 0.92);
      default -> { } // RECENT_ACCIDENT: written by the credit feed
    }
  }

  private void deregistration(Firm f, Rng rng) {
    double p = switch (f.archetype) {
      case ORDINARY -> 0.015;
      case DECLINER -> 0.08;
      default -> 0;
    };
    LocalDate earliest = from.atDay(1).plusMonths(2);
    if (f.registeredAt.plusMonths(6).isAfter(earliest)) {
      earliest = f.registeredAt.plusMonths(6);
    }
    long span = earliest.until(to.atEndOfMonth(), java.time.temporal.ChronoUnit.DAYS);
    if (span > 30 && rng.chance(p)) {
      f.deregisteredAt = earliest.plusDays(rng.intIn(0, (int) span - 1));
      // Most closures are voluntary (注销); some licences are revoked (吊销) after long inactivity.
      f.closedAs = rng.chance(0.2) ? "revoked" : "deregistered";
    }
  }

  private static String uscc(Firm f, Rng rng) {
    // 9-character organisation code: digits for firms coded before 2015, 'MA…' after; the
    // enterprise index is encoded in it so that codes are unique within a city.
    String body;
    if (f.registeredAt.getYear() < 2015) {
      body = String.format(java.util.Locale.ROOT, "%02d%06d", rng.intIn(10, 99), f.index % 1_000_000);
    } else {
      StringBuilder s = new StringBuilder("MA");
      s.append(Uscc.ALPHABET.charAt(rng.intIn(0, 30)));
      s.append(Uscc.ALPHABET.charAt(rng.intIn(0, 30)));
      int n = f.index;
      char[] digits = new char[4];
      for (int i = 3; i >= 0; i--) {
        digits[i] = Uscc.ALPHABET.charAt(n % 31);
        n /= 31;
      }
      body = s.append(digits).toString();
    }
    String first17 = "91" + f.district.code() + body + orgCodeCheck(body);
    return first17 + Uscc.checkCharacter(first17);
  }

  /** GB 11714 check character of an 8-character organisation code body. */
  private static char orgCodeCheck(String body8) {
    int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char c = body8.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      sum += v * weights[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
  }

  private static String name(Firm f, Rng rng) {
    String a = rng.pick(Catalog.NAME_PARTS);
    String b = rng.pick(Catalog.NAME_PARTS);
    String trade = a.equals(b) ? a + "源" : a + b;
    String suffix = f.archetype == Archetype.LARGE || f.archetype == Archetype.LITTLE_GIANT ? "股份有限公司" : "有限公司";
    String kind = f.industry.sector() == Catalog.Sector.SOFTWARE ? "科技" : "";
    String branch = f.legalPerson ? "" : "日照分公司";
    String place = f.legalPerson ? f.district.shortName() : "青岛";
    return place + trade + f.industry.word() + kind + suffix + branch;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
