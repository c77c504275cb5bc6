package io.seedbed.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed, validated access to the fields of one JSON object (one feed line), with the contract's
 * rules: required fields present and non-null, JSON types exact (no string-to-number coercion),
 * money and counts not negative, dates strictly formatted and not more than one day in the future.
 * Every failure throws an {@link InvalidField} whose message names the field. One instance per line.
 */
final class FieldReader {
  /** The first year of the People's Republic: no tax year or rated year can be earlier. */
  static final int FIRST_YEAR = 1949;

  private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
  private static final int MAX_SHOWN_CHARS = 60;

  private final ObjectNode object;
  private final Instant now;
  private final Instant futureLimit;

  FieldReader(ObjectNode object, Instant now) {
    this.object = object;
    this.now = now;
    this.futureLimit = now.plus(FUTURE_TOLERANCE);
  }

  // ---- presence

  /** The field's value; a missing or null field is rejected. */
  JsonNode required(String name) {
    JsonNode n = object.get(name);
    if (n == null) {
      throw new InvalidField(RejectReason.MISSING_FIELD, "field '" + name + "' is missing");
    }
    if (n.isNull()) {
      throw new InvalidField(RejectReason.MISSING_FIELD, "field '" + name + "' is null");
    }
    return n;
  }

  /** The field's value, or null when it is absent or JSON null (both mean "not given"). */
  JsonNode optional(String name) {
    JsonNode n = object.get(name);
    return n == null || n.isNull() ? null : n;
  }

  // ---- strings

  String string(String name) {
    return text(name, required(name));
  }

  String optionalString(String name) {
    JsonNode n = optional(name);
    return n == null ? null : text(name, n);
  }

  private static String text(String name, JsonNode n) {
    if (!n.isTextual()) {
      throw wrongType(name, "a string", n);
    }
    return checkedText(name, n.textValue(), "");
  }

  /**
   * An empty or blank string carries no value (and would make every identity built from it
   * collide); an unpaired UTF-16 surrogate (legal as a JSON escape) cannot be stored as UTF-8.
   */
  private static String checkedText(String name, String s, String where) {
    if (s.isBlank()) {
      throw new InvalidField(RejectReason.INVALID_VALUE,
          "field '" + name + "'" + where + " must not be empty or blank");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidField(RejectReason.INVALID_VALUE,
            "field '" + name + "'" + where + " contains an unpaired UTF-16 surrogate");
      }
    }
    return s;
  }

  /** The enterprise's code: exactly as sent, never trimmed, upper-cased or repaired. */
  String uscc() {
    JsonNode n = required("uscc");
    if (!n.isTextual()) {
      throw wrongType("uscc", "a string", n);
    }
    String code = n.textValue();
    if (!Uscc.isValid(code)) {
      throw new InvalidField(RejectReason.INVALID_USCC,
          "field 'uscc' is not a valid unified social credit code: " + show(n) + " "
              + usccProblem(code));
    }
    return code;
  }

  private static String usccProblem(String code) {
    if (code.length() != 18) {
      return "(must be 18 characters, got " + code.length() + ")";
    }
    for (int i = 0; i < 18; i++) {
      if (Uscc.ALPHABET.indexOf(code.charAt(i)) < 0) {
        return "(character " + (i + 1) + " is not one of " + Uscc.ALPHABET + ")";
      }
    }
    return "(check character must be '" + Uscc.checkCharacter(code.substring(0, 17)) + "', got '"
        + code.charAt(17) + "')";
  }

  /** A 6-digit administrative division code (行政区划代码), as a string. */
  String optionalDistrict(String name) {
    String s = optionalString(name);
    if (s != null && !(s.length() == 6 && allDigits(s, 0, 6))) {
      throw new InvalidField(RejectReason.INVALID_VALUE,
          "field '" + name + "' must be a 6-digit division code, got \"" + cut(s) + "\"");
    }
    return s;
  }

  /**
   * A GB/T 4754 industry code: a section letter A-T alone or followed by the 2-digit division,
   * 3-digit group or 4-digit class (C, C33, C331, C3311).
   */
  String optionalIndustry(String name) {
    String s = optionalString(name);
    if (s == null) {
      return null;
    }
    int digits = s.length() - 1;
    boolean ok = s.charAt(0) >= 'A' && s.charAt(0) <= 'T'
        && (digits == 0 || digits >= 2 && digits <= 4) && allDigits(s, 1, s.length());
    if (!ok) {
      throw new InvalidField(RejectReason.INVALID_VALUE, "field '" + name
          + "' must be a GB/T 4754 code (a letter A-T and 0, 2, 3 or 4 digits, e.g. C3311), got \""
          + cut(s) + "\"");
    }
    return s;
  }

  List<String> optionalStringList(String name) {
    JsonNode n = optional(name);
    if (n == null) {
      return null;
    }
    if (!n.isArray()) {
      throw wrongType(name, "an array of strings", n);
    }
    List<String> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isTextual()) {
        throw wrongType(name, "an array of strings", e, i);
      }
      out.add(checkedText(name, e.textValue(), " element " + i));
    }
    return List.copyOf(out);
  }

  // ---- codes

  <E extends Enum<E> & Coded> E code(String name, CodeTable<E> codes) {
    return lookup(name, required(name), codes);
  }

  <E extends Enum<E> & Coded> E optionalCode(String name, CodeTable<E> codes) {
    JsonNode n = optional(name);
    return n == null ? null : lookup(name, n, codes);
  }

  private static <E extends Enum<E> & Coded> E lookup(String name, JsonNode n, CodeTable<E> codes) {
    if (!n.isTextual()) {
      throw wrongType(name, "a string", n);
    }
    E e = codes.get(n.textValue());
    if (e == null) {
      throw new InvalidField(RejectReason.INVALID_VALUE,
          "field '" + name + "' must be one of " + codes.allowed() + ", got " + show(n));
    }
    return e;
  }

  <E extends Enum<E> & Coded> List<E> optionalCodeList(String name, CodeTable<E> codes) {
    JsonNode n = optional(name);
    if (n == null) {
      return null;
    }
    if (!n.isArray()) {
      throw wrongType(name, "an array of strings", n);
    }
    List<E> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isTextual()) {
        throw wrongType(name, "an array of strings", e, i);
      }
      E value = codes.get(e.textValue());
      if (value == null) {
        throw new InvalidField(RejectReason.INVALID_VALUE, "field '" + name + "' element " + i
            + " must be one of " + codes.allowed() + ", got " + show(e));
      }
      out.add(value);
    }
    return List.copyOf(out);
  }

  // ---- booleans

  boolean bool(String name) {
    return truth(name, required(name));
  }

  Boolean optionalBool(String name) {
    JsonNode n = optional(name);
    return n == null ? null : truth(name, n);
  }

  private static boolean truth(String name, JsonNode n) {
    if (!n.isBoolean()) {
      throw wrongType(name, "a boolean", n);
    }
    return n.booleanValue();
  }

  // ---- numbers

  /** Money in yuan that may be negative (e.g. net profit). */
  double signedMoney(String name) {
    return number(name, required(name));
  }

  /** Money or a physical amount: never negative. */
  double amount(String name) {
    return notNegative(name, number(name, required(name)));
  }

  Double optionalAmount(String name) {
    JsonNode n = optional(name);
    return n == null ? null : notNegative(name, number(name, n));
  }

  /** A number (fractions allowed) within [min, max]. */
  Double optionalNumberIn(String name, double min, double max) {
    JsonNode n = optional(name);
    if (n == null) {
      return null;
    }
    double v = number(name, n);
    if (v < min || v > max) {
      throw new InvalidField(RejectReason.INVALID_VALUE, "field '" + name + "' must be between "
          + plain(min) + " and " + plain(max) + ", got " + show(n));
    }
    return v;
  }

  /** A count (integer, never negative). */
  int count(String name) {
    JsonNode n = required(name);
    int v = integer(name, n);
    if (v < 0) {
      throw new InvalidField(RejectReason.NEGATIVE_AMOUNT,
          "field '" + name + "' must not be negative, got " + show(n));
    }
    return v;
  }

  /** An integer within [min, max] (a level, a rank). */
  int intIn(String name, int min, int max) {
    return integerIn(name, required(name), min, max);
  }

  Integer optionalIntIn(String name, int min, int max) {
    JsonNode n = optional(name);
    return n == null ? null : integerIn(name, n, min, max);
  }

  private static int integerIn(String name, JsonNode n, int min, int max) {
    int v = integer(name, n);
    if (v < min || v > max) {
      String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
      throw new InvalidField(RejectReason.INVALID_VALUE,
          "field '" + name + "' must be " + range + ", got " + show(n));
    }
    return v;
  }

  private static double number(String name, JsonNode n) {
    if (!n.isNumber()) {
      throw wrongType(name, "a number", n);
    }
    double v = n.doubleValue();
    if (!Double.isFinite(v)) {
      throw new InvalidField(RejectReason.INVALID_VALUE,
          "field '" + name + "' is out of range, got " + show(n));
    }
    return v + 0.0; // turns -0.0 into 0.0, so that equal amounts make equal records
  }

  /**
   * An integer. A number with a zero fraction (12.0, 1.2e1) is accepted as the integer it is; a
   * fraction (2.5) is the wrong type; an integer beyond the int range is out of range.
   */
  private static int integer(String name, JsonNode n) {
    if (n.isInt()) {
      return n.intValue();
    }
    if (!n.isNumber()) {
      throw wrongType(name, "an integer", n);
    }
    if (n.isIntegralNumber()) {
      throw outOfRange(name, n);
    }
    BigDecimal d = n.decimalValue();
    if (d.signum() == 0) {
      return 0;
    }
    if (d.stripTrailingZeros().scale() > 0) {
      throw wrongType(name, "an integer", n);
    }
    if (d.precision() - d.scale() > 10) {
      throw outOfRange(name, n);
    }
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(name, n);
    }
  }

  private static InvalidField outOfRange(String name, JsonNode n) {
    return new InvalidField(RejectReason.INVALID_VALUE,
        "field '" + name + "' is out of range, got " + show(n));
  }

  private static double notNegative(String name, double v) {
    if (v < 0) {
      throw new InvalidField(RejectReason.NEGATIVE_AMOUNT,
          "field '" + name + "' must not be negative, got " + plain(v));
    }
    return v;
  }

  // ---- time

  /**
   * A year: a JSON integer ({@code 2024}) or a {@code "YYYY"} string, from {@link #FIRST_YEAR} to
   * the clock's year + 1, whose first day is not in the future.
   */
  int year(String name) {
    JsonNode n = required(name);
    int y;
    if (n.isTextual()) {
      String s = n.textValue();
      if (s.length() != 4 || !allDigits(s, 0, 4)) {
        throw new InvalidField(RejectReason.INVALID_DATE,
            "field '" + name + "' must be a year YYYY, got " + show(n));
      }
      y = digits(s, 0, 4);
    } else if (n.isNumber()) {
      y = integer(name, n);
    } else {
      throw wrongType(name, "a year (an integer or \"YYYY\")", n);
    }
    int maxYear = FeedTime.dateOf(now).getYear() + 1;
    if (y < FIRST_YEAR || y > maxYear) {
      throw new InvalidField(RejectReason.INVALID_VALUE, "field '" + name + "' must be a year from "
          + FIRST_YEAR + " to " + maxYear + ", got " + show(n));
    }
    notFuture(name, LocalDate.of(y, 1, 1), n);
    return y;
  }

  /** A month {@code YYYY-MM}; its first day must not be in the future. */
  YearMonth month(String name) {
    JsonNode n = required(name);
    if (!n.isTextual()) {
      throw wrongType(name, "a month string YYYY-MM", n);
    }
    String s = n.textValue();
    int m = s.length() == 7 && allDigits(s, 0, 4) && s.charAt(4) == '-' && allDigits(s, 5, 7)
        ? digits(s, 5, 7) : 0;
    if (m < 1 || m > 12) {
      throw new InvalidField(RejectReason.INVALID_DATE,
          "field '" + name + "' must be a month YYYY-MM, got " + show(n));
    }
    YearMonth month = YearMonth.of(digits(s, 0, 4), m);
    notFuture(name, month.atDay(1), n);
    return month;
  }

  /** A date {@code YYYY-MM-DD}, not in the future. */
  LocalDate date(String name) {
    JsonNode n = required(name);
    LocalDate d = parseDate(name, n);
    notFuture(name, d, n);
    return d;
  }

  LocalDate optionalDate(String name) {
    JsonNode n = optional(name);
    if (n == null) {
      return null;
    }
    LocalDate d = parseDate(name, n);
    notFuture(name, d, n);
    return d;
  }

  /** A date that may lie in the future (an expiry date such as {@code validUntil}). */
  LocalDate optionalDateAnyTime(String name) {
    JsonNode n = optional(name);
    return n == null ? null : parseDate(name, n);
  }

  private static LocalDate parseDate(String name, JsonNode n) {
    if (!n.isTextual()) {
      throw wrongType(name, "a date string YYYY-MM-DD", n);
    }
    String s = n.textValue();
    if (s.length() == 10 && allDigits(s, 0, 4) && s.charAt(4) == '-' && allDigits(s, 5, 7)
        && s.charAt(7) == '-' && allDigits(s, 8, 10)) {
      int y = digits(s, 0, 4);
      int m = digits(s, 5, 7);
      int d = digits(s, 8, 10);
      if (m >= 1 && m <= 12 && d >= 1 && d <= YearMonth.of(y, m).lengthOfMonth()) {
        return LocalDate.of(y, m, d);
      }
    }
    throw new InvalidField(RejectReason.INVALID_DATE,
        "field '" + name + "' must be a date YYYY-MM-DD, got " + show(n));
  }

  /** An ISO-8601 instant with an offset ({@code 2025-04-12T09:30:00+08:00} or {@code ...Z}). */
  Instant instant(String name) {
    JsonNode n = required(name);
    if (!n.isTextual()) {
      throw wrongType(name, "an ISO-8601 instant string", n);
    }
    String s = n.textValue();
    Instant t = null;
    // A 4-digit year first: the ISO formatter would also take "+12345-..." and "-0001-...".
    if (s.length() > 10 && allDigits(s, 0, 4) && s.charAt(4) == '-') {
      t = IsoInstant.parse(s);
    }
    if (t == null) {
      throw new InvalidField(RejectReason.INVALID_DATE, "field '" + name
          + "' must be an ISO-8601 instant with offset (e.g. 2025-04-12T09:30:00+08:00), got "
          + show(n));
    }
    if (t.isAfter(futureLimit)) {
      throw future(name, n);
    }
    return t;
  }

  private void notFuture(String name, LocalDate firstDay, JsonNode n) {
    if (FeedTime.startOf(firstDay).isAfter(futureLimit)) {
      throw future(name, n);
    }
  }

  private InvalidField future(String name, JsonNode n) {
    return new InvalidField(RejectReason.FUTURE_DATE, "field '" + name
        + "' is more than one day after the clock (" + now + "), got " + show(n));
  }

  // ---- helpers

  static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The decimal value of {@code s[from, to)}, all ASCII digits ({@link #allDigits}). */
  static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  static InvalidField wrongType(String name, String expected, JsonNode got) {
    return new InvalidField(RejectReason.WRONG_TYPE,
        "field '" + name + "' must be " + expected + ", got " + typeOf(got) + " " + show(got));
  }

  private static InvalidField wrongType(String name, String expected, JsonNode element, int index) {
    return new InvalidField(RejectReason.WRONG_TYPE, "field '" + name + "' must be " + expected
        + ", got " + typeOf(element) + " " + show(element) + " at element " + index);
  }

  static String typeOf(JsonNode n) {
    return switch (n.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case ARRAY -> "array";
      case OBJECT -> "object";
      case NULL -> "null";
      default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** The value as JSON text, cut so that a hostile value cannot bloat the message. */
  static String show(JsonNode n) {
    return cut(n.toString());
  }

  private static String cut(String s) {
    return s.length() <= MAX_SHOWN_CHARS ? s : s.substring(0, MAX_SHOWN_CHARS) + "...";
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
