package io.seedbed.backtest;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The district (区县) of every enterprise, from a run's {@code indicator_snapshot.jsonl}. */
public final class IndicatorDistricts {
  private IndicatorDistricts() {}

  /**
   * uscc → district for every row of {@code jsonl} that names a district (the column is nullable
   * until a profile record arrives). The table has one row per uscc; if a file repeats one, the
   * later line wins, as an upsert would.
   */
  public static Map<String, String> read(Path jsonl) {
    Map<String, String> districts = new HashMap<>();
    JsonLines.forEach(jsonl, line -> {
      String district = line.optionalText("district");
      if (district != null && !district.isBlank()) {
        districts.put(line.text("uscc"), district);
      }
    });
    return districts;
  }
}
