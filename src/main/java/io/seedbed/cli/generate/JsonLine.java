package io.seedbed.cli.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * Builds one feed line by hand: fields in a fixed order, money with exactly two decimals and times
 * with an explicit +08:00 offset, so the bytes never depend on the locale, on map order or on how a
 * double happens to print.
 */
final class JsonLine {
  private final StringBuilder sb = new StringBuilder(200);

  private JsonLine(String kind, String uscc) {
    sb.append("{\"kind\":\"").append(kind).append("\",\"uscc\":\"").append(uscc).append('"');
  }

  static JsonLine of(String kind, String uscc) {
    return new JsonLine(kind, uscc);
  }

  JsonLine str(String key, String value) {
    key(key);
    quote(value);
    return this;
  }

  JsonLine num(String key, long value) {
    key(key);
    sb.append(value);
    return this;
  }

  /** A number with {@code scale} decimals (half-up on the absolute value), e.g. money with 2. */
  JsonLine dec(String key, double value, int scale) {
    key(key);
    appendDecimal(sb, value, scale);
    return this;
  }

  JsonLine money(String key, double value) {
    return dec(key, value, 2);
  }

  JsonLine bool(String key, boolean value) {
    key(key);
    sb.append(value);
    return this;
  }

  JsonLine instant(String key, LocalDateTime chinaTime) {
    return str(key, instant(chinaTime));
  }

  JsonLine date(String key, LocalDate date) {
    return str(key, date.toString());
  }

  JsonLine month(String key, YearMonth month) {
    return str(key, month.toString());
  }

  JsonLine strList(String key, List<String> values) {
    key(key);
    sb.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      quote(values.get(i));
    }
    sb.append(']');
    return this;
  }

  String end() {
    return sb.append('}').toString();
  }

  /** ISO-8601 with seconds always present and the China offset: {@code 2025-04-12T09:30:00+08:00}. */
  static String instant(LocalDateTime t) {
    StringBuilder s = new StringBuilder(25).append(t.toLocalDate()).append('T');
    two(s, t.getHour()).append(':');
    two(s, t.getMinute()).append(':');
    two(s, t.getSecond());
    return s.append("+08:00").toString();
  }

  static void appendDecimal(StringBuilder s, double value, int scale) {
    long factor = 1;
    for (int i = 0; i < scale; i++) {
      factor *= 10;
    }
    long units = Math.round(Math.abs(value) * factor);
    if (value < 0 && units != 0) {
      s.append('-');
    }
    s.append(units / factor);
    if (scale > 0) {
      s.append('.');
      String frac = Long.toString(units % factor);
      for (int i = frac.length(); i < scale; i++) {
        s.append('0');
      }
      s.append(frac);
    }
  }

  private static StringBuilder two(StringBuilder s, int v) {
    if (v < 10) {
      s.append('0');
    }
    return s.append(v);
  }

  private void key(String key) {
    sb.append(",\"").append(key).append("\":");
  }

  private void quote(String value) {
    sb.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
