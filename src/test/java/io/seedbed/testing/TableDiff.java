package io.seedbed.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A short, readable difference between two {@link TableDump}s: per table, rows missing and extra. */
public final class TableDiff {
  private TableDiff() {}

  /** One line per differing table with up to three examples each; empty when the dumps are equal. */
  public static List<String> between(Map<String, List<String>> expected, Map<String, List<String>> actual) {
    List<String> out = new ArrayList<>();
    for (String table : expected.keySet()) {
      List<String> want = expected.get(table);
      List<String> got = actual.getOrDefault(table, List.of());
      if (want.equals(got)) {
        continue;
      }
      Set<String> missing = new LinkedHashSet<>(want);
      got.forEach(missing::remove);
      Set<String> extra = new LinkedHashSet<>(got);
      want.forEach(extra::remove);
      out.add(table + ": " + want.size() + " rows expected, " + got.size() + " found; missing "
          + examples(missing) + "; extra " + examples(extra));
    }
    return out;
  }

  private static String examples(Set<String> rows) {
    List<String> shown = new ArrayList<>();
    for (String r : rows) {
      if (shown.size() == 3) {
        break;
      }
      shown.add(r.length() > 160 ? r.substring(0, 160) + "..." : r);
    }
    return rows.size() + " " + shown;
  }
}
