package io.seedbed.ledger;

import io.seedbed.ledger.pack.ByteSink;
import io.seedbed.ledger.pack.ByteSource;
import io.seedbed.ledger.pack.CodeBook;
import io.seedbed.ledger.pack.Codec;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The packed state form of the ledger's bulky facts: one {@link Codec} per kind, each entry
 * written against the one before it in identity order. This is a state format: a savepoint holds
 * these bytes, so a change here must read the old bytes too (the code books only ever grow).
 *
 * <p>What makes it small: no USCC (a ledger is one enterprise's), codes as numbers, amounts as
 * scaled integers ({@link ByteSink#writeDecimal}), days and times as offsets from the entry before
 * or from the period they belong to, and what repeats (the meter, its factor, the IP item and its
 * type, the time of a profile patch) written once per run. A VAT month takes about 13 bytes, a
 * meter reading 4-6, an IP event 5 plus its item's number once.
 */
final class LedgerFormat {
  private LedgerFormat() {}

  /** 2000-01-01T00:00+08:00: the base of times that have no nearer one. */
  static final long BASE_SECOND = LocalDate.of(2000, 1, 1).toEpochDay() * 86_400 - 8 * 3600;

  private static final CodeBook CARRIER_CODES =
      new CodeBook("electricity", "natural_gas", "coal", "steam", "diesel", "heat");
  private static final CodeBook UNIT_CODES = new CodeBook("kWh", "m3", "t", "GJ");
  private static final CodeBook IP_TYPE_CODES = new CodeBook("invention", "utility_model", "design",
      "software_copyright", "ic_layout", "plant_variety", "new_drug");
  private static final CodeBook IP_EVENT_CODES = new CodeBook("filed", "granted", "lapsed",
      "invalidated", "restored", "transferred_in", "transferred_out", "pledged", "foreign_granted",
      "awarded", "abnormal");
  private static final CodeBook LEVEL_CODES = new CodeBook("A", "B", "M", "C", "D");
  private static final CodeBook TITLE_CODES = new CodeBook("tech_sme", "innovative_sme", "high_tech",
      "srdi_city", "srdi_provincial", "little_giant", "gazelle_city", "gazelle_provincial", "unicorn",
      "champion_provincial", "champion_national");
  private static final CodeBook ACTION_CODES = new CodeBook("granted", "revoked", "expired");
  private static final CodeBook FIELD_CODES = new CodeBook("NAME", "REGISTERED_AT", "DISTRICT",
      "INDUSTRY", "LEGAL_PERSON", "STATUS", "LAND_AREA_MU", "CERTIFICATIONS", "NICHE_SINCE",
      "PRODUCT_TAGS", "RD_INSTITUTION", "DIGITAL_LEVEL", "OWN_BRAND", "LISTING", "VALUATION_USD",
      "MARKET_SHARE", "MARKET_RANK", "DEVELOPMENT_SCORE");

  /** The first second of {@code yyyymm} in China. */
  private static long monthStart(int yyyymm) {
    return LocalDate.of(yyyymm / 100, yyyymm % 100, 1).toEpochDay() * 86_400 - 8 * 3600;
  }

  private static long yearStart(int year) {
    return LocalDate.of(year, 1, 1).toEpochDay() * 86_400 - 8 * 3600;
  }

  private static int monthIndex(int yyyymm) {
    return yyyymm / 100 * 12 + yyyymm % 100 - 1;
  }

  /** A key as a difference to the previous entry's (keys ascend), or in full for the first. */
  private static void writeStep(ByteSink out, Integer prev, int key) {
    out.writeSignedVarLong(prev == null ? key : (long) key - prev);
  }

  private static int readStep(ByteSource in, Integer prev) {
    int step = in.readSignedVarInt();
    return prev == null ? step : prev + step;
  }

  // ------------------------------------------------------------------ VAT months

  /** Month (step from the previous one), sales, tax, filing time from the start of the next month. */
  static final Codec<VatMonth> VAT = new Codec<>() {
    @Override
    public void write(ByteSink out, VatMonth prev, VatMonth f) {
      writeStep(out, prev == null ? null : monthIndex(prev.month), monthIndex(f.month));
      out.writeDecimal(f.sales);
      out.writeDecimal(f.taxPaid);
      out.writeInstant(f.filedAt, monthStart(Months.plus(f.month, 1)));
    }

    @Override
    public VatMonth read(ByteSource in, VatMonth prev) {
      int index = readStep(in, prev == null ? null : monthIndex(prev.month));
      int month = index / 12 * 100 + index % 12 + 1;
      double sales = in.readDecimal();
      double taxPaid = in.readDecimal();
      return new VatMonth(month, sales, taxPaid, in.readInstant(monthStart(Months.plus(month, 1))));
    }

    @Override
    public int compare(VatMonth a, VatMonth b) {
      return Integer.compare(a.month, b.month);
    }
  };

  // ------------------------------------------------------------------ annual returns, ratings

  /** Year (step), the six amounts, staff counts, filing time from the start of the next year. */
  static final Codec<AnnualFigures> ANNUAL = new Codec<>() {
    @Override
    public void write(ByteSink out, AnnualFigures prev, AnnualFigures f) {
      writeStep(out, prev == null ? null : prev.year, f.year);
      out.writeDecimal(f.operatingRevenue);
      out.writeDecimal(f.mainBusinessRevenue);
      out.writeDecimal(f.netProfit);
      out.writeDecimal(f.totalAssets);
      out.writeDecimal(f.totalLiabilities);
      out.writeDecimal(f.rdExpense);
      out.writeSignedVarLong(f.employees);
      out.writeSignedVarLong(f.rdStaff);
      out.writeInstant(f.filedAt, yearStart(f.year + 1));
    }

    @Override
    public AnnualFigures read(ByteSource in, AnnualFigures prev) {
      AnnualFigures f = new AnnualFigures();
      f.year = readStep(in, prev == null ? null : prev.year);
      f.operatingRevenue = in.readDecimal();
      f.mainBusinessRevenue = in.readDecimal();
      f.netProfit = in.readDecimal();
      f.totalAssets = in.readDecimal();
      f.totalLiabilities = in.readDecimal();
      f.rdExpense = in.readDecimal();
      f.employees = in.readSignedVarInt();
      f.rdStaff = in.readSignedVarInt();
      f.filedAt = in.readInstant(yearStart(f.year + 1));
      return f;
    }

    @Override
    public int compare(AnnualFigures a, AnnualFigures b) {
      return Integer.compare(a.year, b.year);
    }
  };

  /** Rated year (step), level, publication time from the start of the next year. */
  static final Codec<RatingFact> RATINGS = new Codec<>() {
    @Override
    public void write(ByteSink out, RatingFact prev, RatingFact f) {
      writeStep(out, prev == null ? null : prev.year, f.year);
      LEVEL_CODES.write(out, f.level);
      out.writeInstant(f.publishedAt, yearStart(f.year + 1));
    }

    @Override
    public RatingFact read(ByteSource in, RatingFact prev) {
      int year = readStep(in, prev == null ? null : prev.year);
      String level = LEVEL_CODES.read(in);
      return new RatingFact(year, level, in.readInstant(yearStart(year + 1)));
    }

    @Override
    public int compare(RatingFact a, RatingFact b) {
      return Integer.compare(a.year, b.year);
    }
  };

  // ------------------------------------------------------------------ meter readings

  private static final int SAME_METER = 1;
  private static final int SAME_FACTOR = 2;
  private static final int CONTIGUOUS = 4;
  private static final int TCE_ONLY = 8;
  private static final int FIRST_ISO_DAY = (int) LocalDate.of(0, 1, 1).toEpochDay();
  private static final int LAST_ISO_DAY = (int) LocalDate.of(9999, 12, 31).toEpochDay();

  /**
   * Flags; the meter (carrier, id) unless the previous entry's; the unit and factor unless the
   * previous entry's (or the unit and the tce, for a reading known only by its tce); the first day
   * unless the day after the previous entry's last; the span in days; the amount.
   */
  static final Codec<Reading> READINGS = new Codec<>() {
    @Override
    public void write(ByteSink out, Reading prev, Reading f) {
      boolean sameMeter = prev != null && prev.sameMeterAs(f);
      boolean sameFactor = prev != null && !f.tceOnly() && !prev.tceOnly() && prev.unit.equals(f.unit)
          && Double.doubleToRawLongBits(prev.factor) == Double.doubleToRawLongBits(f.factor);
      boolean contiguous = prev != null && f.fromDay == prev.toDay + 1;
      out.writeVarLong((sameMeter ? SAME_METER : 0) | (sameFactor ? SAME_FACTOR : 0)
          | (contiguous ? CONTIGUOUS : 0) | (f.tceOnly() ? TCE_ONLY : 0));
      if (!sameMeter) {
        CARRIER_CODES.write(out, f.carrier);
        out.writeString(f.meterId);
      }
      if (f.tceOnly()) {
        UNIT_CODES.write(out, f.unit);
        out.writeRawDouble(f.tce);
      } else if (!sameFactor) {
        UNIT_CODES.write(out, f.unit);
        out.writeDecimal(f.factor);
      }
      if (!contiguous) {
        out.writeSignedVarLong(prev == null ? f.fromDay : (long) f.fromDay - prev.toDay);
      }
      out.writeSignedVarLong((long) f.toDay - f.fromDay);
      out.writeDecimal(f.amount);
    }

    @Override
    public Reading read(ByteSource in, Reading prev) {
      int flags = in.readVarInt();
      String carrier = null;
      String meterId = null;
      if ((flags & SAME_METER) == 0) {
        carrier = CARRIER_CODES.read(in);
        meterId = in.readString();
      }
      String unit;
      double factor = Double.NaN;
      double tce = Double.NaN;
      if ((flags & TCE_ONLY) != 0) {
        unit = UNIT_CODES.read(in);
        tce = in.readRawDouble();
      } else if ((flags & SAME_FACTOR) != 0) {
        unit = prev.unit;
        factor = prev.factor;
      } else {
        unit = UNIT_CODES.read(in);
        factor = in.readDecimal();
      }
      int fromDay = (flags & CONTIGUOUS) != 0 ? prev.toDay + 1
          : prev == null ? in.readSignedVarInt() : prev.toDay + in.readSignedVarInt();
      int toDay = fromDay + in.readSignedVarInt();
      double amount = in.readDecimal();
      if ((flags & TCE_ONLY) == 0) {
        tce = EnergyFactors.tce(amount, factor);
      }
      if ((flags & SAME_METER) != 0) {
        return Reading.sameMeter(prev, unit, amount, fromDay, toDay, factor, tce);
      }
      return Double.isNaN(factor) ? Reading.ofTce(carrier, meterId, unit, amount, fromDay, toDay, tce)
          : Reading.converted(carrier, meterId, unit, amount, fromDay, toDay, factor);
    }

    /**
     * The order of the identities as strings ({@code carrier|meter|from|to}, ISO dates): the order
     * a month's readings are added in, as before. Compared by parts where that gives the same answer.
     */
    @Override
    public int compare(Reading a, Reading b) {
      if (a.sameMeterAs(b)) {
        if (isoDay(a.fromDay) && isoDay(b.fromDay) && isoDay(a.toDay) && isoDay(b.toDay)) {
          int c = Integer.compare(a.fromDay, b.fromDay);
          return c != 0 ? c : Integer.compare(a.toDay, b.toDay);
        }
      } else {
        int c = compareMeters(a, b);
        if (c != PREFIX && c != 0) {
          return c;
        }
      }
      return a.identity().compareTo(b.identity());
    }
  };

  /** Says that one {@code carrier|meterId|} is a proper prefix of the other: the rest decides. */
  private static final int PREFIX = Integer.MIN_VALUE;

  /** {@code carrier|meterId|} of two readings compared as strings, without building them. */
  private static int compareMeters(Reading a, Reading b) {
    int la = a.carrier.length() + a.meterId.length() + 2;
    int lb = b.carrier.length() + b.meterId.length() + 2;
    for (int i = 0, n = Math.min(la, lb); i < n; i++) {
      char ca = meterChar(a, i);
      char cb = meterChar(b, i);
      if (ca != cb) {
        return ca - cb;
      }
    }
    return la == lb ? 0 : PREFIX;
  }

  private static char meterChar(Reading r, int i) {
    int c = r.carrier.length();
    if (i < c) {
      return r.carrier.charAt(i);
    }
    if (i == c || i == c + 1 + r.meterId.length()) {
      return '|';
    }
    return r.meterId.charAt(i - c - 1);
  }

  /** A day whose ISO form has a 4-digit year: those compare as strings in day order. */
  private static boolean isoDay(int epochDay) {
    return epochDay >= FIRST_ISO_DAY && epochDay <= LAST_ISO_DAY;
  }

  // ------------------------------------------------------------------ IP events

  private static final int SAME_ITEM = 1;
  private static final int SAME_TYPE = 2;

  /**
   * By item, then time: event code and flags in one number; the ipNo unless the previous entry's;
   * the type unless the previous entry's; the time from the previous event of the item (or from 2000).
   */
  static final Codec<IpEventFact> IP_EVENTS = new Codec<>() {
    @Override
    public void write(ByteSink out, IpEventFact prev, IpEventFact f) {
      boolean sameItem = prev != null && prev.ipNo.equals(f.ipNo);
      boolean sameType = prev != null && prev.ipType.equals(f.ipType);
      int event = IP_EVENT_CODES.number(f.event);
      out.writeVarLong((long) event << 2 | (sameItem ? SAME_ITEM : 0) | (sameType ? SAME_TYPE : 0));
      if (event == 0) {
        out.writeString(f.event);
      }
      if (!sameItem) {
        out.writeString(f.ipNo);
      }
      if (!sameType) {
        IP_TYPE_CODES.write(out, f.ipType);
      }
      out.writeInstant(f.at, sameItem ? prev.at.getEpochSecond() : BASE_SECOND);
    }

    @Override
    public IpEventFact read(ByteSource in, IpEventFact prev) {
      long head = in.readVarLong();
      int number = (int) (head >>> 2);
      String event = number == 0 ? in.readString() : IP_EVENT_CODES.code(number);
      boolean sameItem = (head & SAME_ITEM) != 0;
      String ipNo = sameItem ? prev.ipNo : in.readString();
      String ipType = (head & SAME_TYPE) != 0 ? prev.ipType : IP_TYPE_CODES.read(in);
      Instant at = in.readInstant(sameItem ? prev.at.getEpochSecond() : BASE_SECOND);
      return new IpEventFact(ipNo, ipType, event, at);
    }

    @Override
    public int compare(IpEventFact a, IpEventFact b) {
      int c = a.ipNo.compareTo(b.ipNo);
      if (c != 0) {
        return c;
      }
      c = a.at.compareTo(b.at);
      return c != 0 ? c : a.event.compareTo(b.event);
    }
  };

  // ------------------------------------------------------------------ titles, profile

  private static final int SAME_TITLE = 1;

  /** By title, then time: title unless the previous entry's, action, time, last valid day. */
  static final Codec<TitleFact> TITLES = new Codec<>() {
    @Override
    public void write(ByteSink out, TitleFact prev, TitleFact f) {
      boolean sameTitle = prev != null && prev.title.equals(f.title);
      out.writeVarLong(sameTitle ? SAME_TITLE : 0);
      if (!sameTitle) {
        TITLE_CODES.write(out, f.title);
      }
      ACTION_CODES.write(out, f.action);
      out.writeInstant(f.at, sameTitle ? prev.at.getEpochSecond() : BASE_SECOND);
      out.writeVarLong(f.validUntilDay == null ? 0
          : 1 + zigzag((long) f.validUntilDay - Math.floorDiv(f.at.getEpochSecond(), 86_400)));
    }

    @Override
    public TitleFact read(ByteSource in, TitleFact prev) {
      boolean sameTitle = (in.readVarLong() & SAME_TITLE) != 0;
      String title = sameTitle ? prev.title : TITLE_CODES.read(in);
      String action = ACTION_CODES.read(in);
      Instant at = in.readInstant(sameTitle ? prev.at.getEpochSecond() : BASE_SECOND);
      long until = in.readVarLong();
      Integer validUntilDay = until == 0 ? null
          : Math.toIntExact(unzigzag(until - 1) + Math.floorDiv(at.getEpochSecond(), 86_400));
      return new TitleFact(title, action, at, validUntilDay);
    }

    @Override
    public int compare(TitleFact a, TitleFact b) {
      int c = a.title.compareTo(b.title);
      if (c != 0) {
        return c;
      }
      c = a.at.compareTo(b.at);
      return c != 0 ? c : a.action.compareTo(b.action);
    }
  };

  private static final int SAME_TIME = 1;

  /** By field name: field and a flag in one number, the value, the time unless the previous entry's. */
  static final Codec<ProfileFact> PROFILE = new Codec<>() {
    @Override
    public void write(ByteSink out, ProfileFact prev, ProfileFact f) {
      boolean sameTime = prev != null && prev.at.equals(f.at);
      int field = FIELD_CODES.number(f.field);
      out.writeVarLong((long) field << 1 | (sameTime ? SAME_TIME : 0));
      if (field == 0) {
        out.writeString(f.field);
      }
      out.writeString(f.value);
      if (!sameTime) {
        out.writeInstant(f.at, BASE_SECOND);
      }
    }

    @Override
    public ProfileFact read(ByteSource in, ProfileFact prev) {
      long head = in.readVarLong();
      int number = (int) (head >>> 1);
      String field = number == 0 ? in.readString() : FIELD_CODES.code(number);
      String value = in.readString();
      Instant at = (head & SAME_TIME) != 0 ? prev.at : in.readInstant(BASE_SECOND);
      return new ProfileFact(field, value, at);
    }

    @Override
    public int compare(ProfileFact a, ProfileFact b) {
      return a.field.compareTo(b.field);
    }
  };

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }
}
