package io.seedbed.pool;

import io.seedbed.rule.Pool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a city-wide target over the districts: districts that set the pool's target explicitly
 * keep it; what remains of the city target is shared by the others in proportion to their weight,
 * rounded by largest remainder so the shares add up exactly (ties go to the district listed first).
 */
final class TargetSplit {
  private TargetSplit() {}

  static Map<String, Integer> split(int cityTarget, List<District> districts, Pool pool) {
    Map<String, Integer> out = new LinkedHashMap<>();
    int explicit = 0;
    double weights = 0;
    List<District> shared = new ArrayList<>();
    for (District d : districts) {
      Integer t = d.targets().get(pool);
      if (t != null) {
        explicit += t;
      } else {
        shared.add(d);
        weights += d.weight();
      }
    }
    int remaining = Math.max(0, cityTarget - explicit);
    Map<String, Double> fractions = new LinkedHashMap<>();
    int given = 0;
    for (District d : shared) {
      double exact = weights > 0 ? remaining * d.weight() / weights : 0;
      int floor = (int) Math.floor(exact);
      out.put(d.code(), floor);
      fractions.put(d.code(), exact - floor);
      given += floor;
    }
    int left = weights > 0 ? remaining - given : 0;
    List<String> byFraction = new ArrayList<>(fractions.keySet());
    byFraction.sort((a, b) -> Double.compare(fractions.get(b), fractions.get(a)));
    for (int i = 0; i < left; i++) {
      String code = byFraction.get(i);
      out.put(code, out.get(code) + 1);
    }
    for (District d : districts) {
      Integer t = d.targets().get(pool);
      if (t != null) {
        out.put(d.code(), t);
      }
    }
    return out;
  }
}
