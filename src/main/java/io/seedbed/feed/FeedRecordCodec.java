package io.seedbed.feed;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact binary form of every {@link FeedRecord}, exact on round trip, so that the pipeline's
 * Flink serializer never falls back to Kryo. Format {@link #FORMAT_VERSION}:
 *
 * <ul>
 *   <li>one tag byte naming the kind (see {@code TAG_*}), then the record's components in
 *       declaration order;</li>
 *   <li>ints and longs as zig-zag varints; doubles as 8 IEEE bytes;</li>
 *   <li>strings as a varint char count then each UTF-16 char in modified UTF-8 (1 to 3 bytes), so
 *       that any Java string, an unpaired surrogate included, comes back identical;</li>
 *   <li>enums as their ordinal in one byte (so constants may only ever be added at the end);</li>
 *   <li>instants as epoch seconds and nanos; dates as epoch day; months as year and month;</li>
 *   <li>a nullable component (the contract's optional fields) is preceded by a presence byte;
 *       required components are never null in a decoded record and are written without one;</li>
 *   <li>lists as a varint size and their elements.</li>
 * </ul>
 *
 * <p>Changing any of this changes the bytes in savepoints: bump {@link #FORMAT_VERSION} and keep a
 * reader for the old version. FeedRecordCodecTest pins the bytes of one record.
 */
public final class FeedRecordCodec {
  /** Version of the byte layout, for the pipeline's serializer snapshot. */
  public static final int FORMAT_VERSION = 1;

  static final int TAG_VAT_RETURN = 1;
  static final int TAG_ANNUAL_RETURN = 2;
  static final int TAG_CREDIT_RATING = 3;
  static final int TAG_TAX_VIOLATION = 4;
  static final int TAG_PENALTY = 5;
  static final int TAG_ACCIDENT = 6;
  static final int TAG_LISTING = 7;
  static final int TAG_BANK_CREDIT = 8;
  static final int TAG_FALSIFICATION = 9;
  static final int TAG_METER_READING = 10;
  static final int TAG_IP_EVENT = 11;
  static final int TAG_PROFILE = 12;
  static final int TAG_TITLE_EVENT = 13;
  static final int TAG_FINANCING = 14;
  static final int TAG_AWARD = 15;

  /** Enum constants per type, cached: {@code getEnumConstants()} copies the array on every call. */
  private static final ClassValue<Object[]> CONSTANTS = new ClassValue<>() {
    @Override
    protected Object[] computeValue(Class<?> type) {
      return type.getEnumConstants();
    }
  };

  private FeedRecordCodec() {}

  public static void write(FeedRecord r, DataOutput out) throws IOException {
    if (r instanceof VatReturn v) {
      out.writeByte(TAG_VAT_RETURN);
      writeString(out, v.uscc());
      writeVarLong(out, v.period().getYear());
      out.writeByte(v.period().getMonthValue());
      out.writeDouble(v.sales());
      out.writeDouble(v.taxPaid());
      writeInstant(out, v.filedAt());
    } else if (r instanceof AnnualReturn a) {
      out.writeByte(TAG_ANNUAL_RETURN);
      writeString(out, a.uscc());
      writeVarLong(out, a.year());
      out.writeDouble(a.operatingRevenue());
      out.writeDouble(a.mainBusinessRevenue());
      out.writeDouble(a.netProfit());
      out.writeDouble(a.totalAssets());
      out.writeDouble(a.totalLiabilities());
      out.writeDouble(a.rdExpense());
      writeVarLong(out, a.employees());
      writeVarLong(out, a.rdStaff());
      writeInstant(out, a.filedAt());
    } else if (r instanceof CreditRating c) {
      out.writeByte(TAG_CREDIT_RATING);
      writeString(out, c.uscc());
      writeVarLong(out, c.year());
      writeEnum(out, c.level());
      writeInstant(out, c.publishedAt());
    } else if (r instanceof TaxViolation t) {
      out.writeByte(TAG_TAX_VIOLATION);
      writeString(out, t.uscc());
      writeString(out, t.caseId());
      writeEnum(out, t.category());
      writeInstant(out, t.decidedAt());
    } else if (r instanceof Penalty p) {
      out.writeByte(TAG_PENALTY);
      writeString(out, p.uscc());
      writeString(out, p.caseId());
      writeEnum(out, p.category());
      writeEnum(out, p.severity());
      writeInstant(out, p.decidedAt());
      writeNullableDouble(out, p.amount());
    } else if (r instanceof Accident a) {
      out.writeByte(TAG_ACCIDENT);
      writeString(out, a.uscc());
      writeString(out, a.caseId());
      writeEnum(out, a.category());
      writeEnum(out, a.severity());
      writeInstant(out, a.occurredAt());
    } else if (r instanceof Listing l) {
      out.writeByte(TAG_LISTING);
      writeString(out, l.uscc());
      writeEnum(out, l.list());
      writeEnum(out, l.action());
      writeInstant(out, l.at());
    } else if (r instanceof BankCredit b) {
      out.writeByte(TAG_BANK_CREDIT);
      writeString(out, b.uscc());
      writeDate(out, b.asOf());
      writeVarLong(out, b.overdueDays());
      writeNullableDouble(out, b.creditScore());
    } else if (r instanceof Falsification f) {
      out.writeByte(TAG_FALSIFICATION);
      writeString(out, f.uscc());
      writeString(out, f.caseId());
      writeInstant(out, f.at());
    } else if (r instanceof MeterReading m) {
      out.writeByte(TAG_METER_READING);
      writeString(out, m.uscc());
      writeEnum(out, m.carrier());
      out.writeDouble(m.amount());
      writeEnum(out, m.unit());
      writeDate(out, m.from());
      writeDate(out, m.to());
      writeNullableString(out, m.meterId());
    } else if (r instanceof IpEvent e) {
      out.writeByte(TAG_IP_EVENT);
      writeString(out, e.uscc());
      writeString(out, e.ipNo());
      writeEnum(out, e.ipType());
      writeEnum(out, e.event());
      writeInstant(out, e.at());
    } else if (r instanceof Profile p) {
      out.writeByte(TAG_PROFILE);
      writeProfile(out, p);
    } else if (r instanceof TitleEvent t) {
      out.writeByte(TAG_TITLE_EVENT);
      writeString(out, t.uscc());
      writeEnum(out, t.title());
      writeEnum(out, t.action());
      writeInstant(out, t.at());
      writeNullableDate(out, t.validUntil());
    } else if (r instanceof Financing f) {
      out.writeByte(TAG_FINANCING);
      writeString(out, f.uscc());
      out.writeDouble(f.amount());
      out.writeBoolean(f.qualifiedInvestor());
      writeInstant(out, f.at());
    } else if (r instanceof Award a) {
      out.writeByte(TAG_AWARD);
      writeString(out, a.uscc());
      writeEnum(out, a.level());
      writeVarLong(out, a.rank());
      writeInstant(out, a.at());
    } else {
      throw new IllegalArgumentException("unknown record type: " + r);
    }
  }

  public static FeedRecord read(DataInput in) throws IOException {
    int tag = in.readUnsignedByte();
    switch (tag) {
      case TAG_VAT_RETURN:
        return new VatReturn(readString(in), YearMonth.of(readInt(in), in.readUnsignedByte()),
            in.readDouble(), in.readDouble(), readInstant(in));
      case TAG_ANNUAL_RETURN:
        return new AnnualReturn(readString(in), readInt(in), in.readDouble(), in.readDouble(),
            in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), readInt(in),
            readInt(in), readInstant(in));
      case TAG_CREDIT_RATING:
        return new CreditRating(readString(in), readInt(in), readEnum(in, TaxCreditLevel.class),
            readInstant(in));
      case TAG_TAX_VIOLATION:
        return new TaxViolation(readString(in), readString(in),
            readEnum(in, ViolationCategory.class), readInstant(in));
      case TAG_PENALTY:
        return new Penalty(readString(in), readString(in), readEnum(in, PenaltyCategory.class),
            readEnum(in, Severity.class), readInstant(in), readNullableDouble(in));
      case TAG_ACCIDENT:
        return new Accident(readString(in), readString(in), readEnum(in, AccidentCategory.class),
            readEnum(in, Severity.class), readInstant(in));
      case TAG_LISTING:
        return new Listing(readString(in), readEnum(in, ListName.class),
            readEnum(in, ListAction.class), readInstant(in));
      case TAG_BANK_CREDIT:
        return new BankCredit(readString(in), readDate(in), readInt(in), readNullableDouble(in));
      case TAG_FALSIFICATION:
        return new Falsification(readString(in), readString(in), readInstant(in));
      case TAG_METER_READING:
        return new MeterReading(readString(in), readEnum(in, EnergyCarrier.class), in.readDouble(),
            readEnum(in, EnergyUnit.class), readDate(in), readDate(in), readNullableString(in));
      case TAG_IP_EVENT:
        return new IpEvent(readString(in), readString(in), readEnum(in, IpType.class),
            readEnum(in, IpEventType.class), readInstant(in));
      case TAG_PROFILE:
        return readProfile(in);
      case TAG_TITLE_EVENT:
        return new TitleEvent(readString(in), readEnum(in, Title.class),
            readEnum(in, TitleAction.class), readInstant(in), readNullableDate(in));
      case TAG_FINANCING:
        return new Financing(readString(in), in.readDouble(), in.readBoolean(), readInstant(in));
      case TAG_AWARD:
        return new Award(readString(in), readEnum(in, AwardLevel.class), readInt(in),
            readInstant(in));
      default:
        throw new IOException("unknown feed record tag " + tag);
    }
  }

  private static void writeProfile(DataOutput out, Profile p) throws IOException {
    writeString(out, p.uscc());
    writeInstant(out, p.at());
    writeNullableString(out, p.name());
    writeNullableDate(out, p.registeredAt());
    writeNullableString(out, p.district());
    writeNullableString(out, p.industry());
    writeNullableBoolean(out, p.legalPerson());
    writeNullableEnum(out, p.status());
    writeNullableDouble(out, p.landAreaMu());
    out.writeBoolean(p.certifications() != null);
    if (p.certifications() != null) {
      writeVarLong(out, p.certifications().size());
      for (String c : p.certifications()) {
        writeString(out, c);
      }
    }
    writeNullableDate(out, p.nicheSince());
    out.writeBoolean(p.productTags() != null);
    if (p.productTags() != null) {
      writeVarLong(out, p.productTags().size());
      for (ProductTag t : p.productTags()) {
        writeEnum(out, t);
      }
    }
    writeNullableEnum(out, p.rdInstitution());
    writeNullableInt(out, p.digitalLevel());
    writeNullableBoolean(out, p.ownBrand());
    writeNullableEnum(out, p.listing());
    writeNullableDouble(out, p.valuationUsd());
    writeNullableDouble(out, p.marketShare());
    writeNullableInt(out, p.marketRank());
    writeNullableDouble(out, p.developmentScore());
  }

  private static Profile readProfile(DataInput in) throws IOException {
    String uscc = readString(in);
    Instant at = readInstant(in);
    String name = readNullableString(in);
    LocalDate registeredAt = readNullableDate(in);
    String district = readNullableString(in);
    String industry = readNullableString(in);
    Boolean legalPerson = readNullableBoolean(in);
    EnterpriseStatus status = readNullableEnum(in, EnterpriseStatus.class);
    Double landAreaMu = readNullableDouble(in);
    List<String> certifications = null;
    if (in.readBoolean()) {
      int n = readSize(in);
      List<String> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(readString(in));
      }
      certifications = List.copyOf(list);
    }
    LocalDate nicheSince = readNullableDate(in);
    List<ProductTag> productTags = null;
    if (in.readBoolean()) {
      int n = readSize(in);
      List<ProductTag> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(readEnum(in, ProductTag.class));
      }
      productTags = List.copyOf(list);
    }
    return new Profile(uscc, at, name, registeredAt, district, industry, legalPerson, status,
        landAreaMu, certifications, nicheSince, productTags, readNullableEnum(in, RdInstitution.class),
        readNullableInt(in), readNullableBoolean(in), readNullableEnum(in, ListingStage.class),
        readNullableDouble(in), readNullableDouble(in), readNullableInt(in), readNullableDouble(in));
  }

  // ---- primitives

  private static void writeVarLong(DataOutput out, long v) throws IOException {
    long z = (v << 1) ^ (v >> 63); // zig-zag: small negatives stay short
    while ((z & ~0x7FL) != 0) {
      out.writeByte((int) ((z & 0x7F) | 0x80));
      z >>>= 7;
    }
    out.writeByte((int) z);
  }

  private static long readVarLong(DataInput in) throws IOException {
    long z = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      z |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return (z >>> 1) ^ -(z & 1);
      }
    }
    throw new IOException("varint longer than 10 bytes");
  }

  private static int readInt(DataInput in) throws IOException {
    long v = readVarLong(in);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IOException("int out of range: " + v);
    }
    return (int) v;
  }

  private static int readSize(DataInput in) throws IOException {
    int n = readInt(in);
    if (n < 0) {
      throw new IOException("negative size " + n);
    }
    return n;
  }

  private static void writeString(DataOutput out, String s) throws IOException {
    writeVarLong(out, s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x01 && c <= 0x7F) {
        out.writeByte(c);
      } else if (c <= 0x7FF) {
        out.writeByte(0xC0 | (c >> 6));
        out.writeByte(0x80 | (c & 0x3F));
      } else {
        out.writeByte(0xE0 | (c >> 12));
        out.writeByte(0x80 | ((c >> 6) & 0x3F));
        out.writeByte(0x80 | (c & 0x3F));
      }
    }
  }

  private static String readString(DataInput in) throws IOException {
    int n = readSize(in);
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      int b = in.readUnsignedByte();
      if (b < 0x80) {
        chars[i] = (char) b;
      } else if ((b & 0xE0) == 0xC0) {
        chars[i] = (char) (((b & 0x1F) << 6) | (in.readUnsignedByte() & 0x3F));
      } else if ((b & 0xF0) == 0xE0) {
        int b2 = in.readUnsignedByte();
        int b3 = in.readUnsignedByte();
        chars[i] = (char) (((b & 0x0F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F));
      } else {
        throw new IOException("bad string byte 0x" + Integer.toHexString(b));
      }
    }
    return new String(chars);
  }

  private static void writeNullableString(DataOutput out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      writeString(out, s);
    }
  }

  private static String readNullableString(DataInput in) throws IOException {
    return in.readBoolean() ? readString(in) : null;
  }

  private static void writeNullableDouble(DataOutput out, Double d) throws IOException {
    out.writeBoolean(d != null);
    if (d != null) {
      out.writeDouble(d);
    }
  }

  private static Double readNullableDouble(DataInput in) throws IOException {
    return in.readBoolean() ? in.readDouble() : null;
  }

  private static void writeNullableInt(DataOutput out, Integer v) throws IOException {
    out.writeBoolean(v != null);
    if (v != null) {
      writeVarLong(out, v);
    }
  }

  private static Integer readNullableInt(DataInput in) throws IOException {
    return in.readBoolean() ? readInt(in) : null;
  }

  /** One byte: 0 absent, 1 false, 2 true. */
  private static void writeNullableBoolean(DataOutput out, Boolean b) throws IOException {
    out.writeByte(b == null ? 0 : b ? 2 : 1);
  }

  private static Boolean readNullableBoolean(DataInput in) throws IOException {
    int b = in.readUnsignedByte();
    return switch (b) {
      case 0 -> null;
      case 1 -> Boolean.FALSE;
      case 2 -> Boolean.TRUE;
      default -> throw new IOException("bad boolean byte " + b);
    };
  }

  private static void writeEnum(DataOutput out, Enum<?> e) throws IOException {
    out.writeByte(e.ordinal());
  }

  private static <E extends Enum<E>> E readEnum(DataInput in, Class<E> type) throws IOException {
    int ordinal = in.readUnsignedByte();
    E[] values = constants(type);
    if (ordinal >= values.length) {
      throw new IOException("bad " + type.getSimpleName() + " ordinal " + ordinal);
    }
    return values[ordinal];
  }

  /** One byte: 0 absent, else ordinal + 1. */
  private static void writeNullableEnum(DataOutput out, Enum<?> e) throws IOException {
    out.writeByte(e == null ? 0 : e.ordinal() + 1);
  }

  private static <E extends Enum<E>> E readNullableEnum(DataInput in, Class<E> type)
      throws IOException {
    int b = in.readUnsignedByte();
    if (b == 0) {
      return null;
    }
    E[] values = constants(type);
    if (b > values.length) {
      throw new IOException("bad " + type.getSimpleName() + " ordinal " + (b - 1));
    }
    return values[b - 1];
  }

  @SuppressWarnings("unchecked") // the cached array is the E[] that getEnumConstants returned
  private static <E extends Enum<E>> E[] constants(Class<E> type) {
    return (E[]) CONSTANTS.get(type);
  }

  private static void writeInstant(DataOutput out, Instant t) throws IOException {
    writeVarLong(out, t.getEpochSecond());
    writeVarLong(out, t.getNano());
  }

  private static Instant readInstant(DataInput in) throws IOException {
    return Instant.ofEpochSecond(readVarLong(in), readInt(in));
  }

  private static void writeDate(DataOutput out, LocalDate d) throws IOException {
    writeVarLong(out, d.toEpochDay());
  }

  private static LocalDate readDate(DataInput in) throws IOException {
    return LocalDate.ofEpochDay(readVarLong(in));
  }

  private static void writeNullableDate(DataOutput out, LocalDate d) throws IOException {
    out.writeBoolean(d != null);
    if (d != null) {
      writeDate(out, d);
    }
  }

  private static LocalDate readNullableDate(DataInput in) throws IOException {
    return in.readBoolean() ? readDate(in) : null;
  }
}
