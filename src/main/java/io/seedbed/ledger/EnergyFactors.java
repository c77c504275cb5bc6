package io.seedbed.ledger;

import io.seedbed.config.YamlNode;
import io.seedbed.feed.Coded;
import io.seedbed.feed.EnergyCarrier;
import io.seedbed.feed.EnergyUnit;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Conversion of energy readings to tonnes of standard coal (tce), from
 * {@code config/energy-factors.yaml}: kgce per unit, per carrier (GB/T 2589 综合能耗计算通则).
 */
public final class EnergyFactors {
  private final Map<EnergyCarrier, Map<EnergyUnit, Double>> kgcePerUnit;

  public EnergyFactors(Map<EnergyCarrier, Map<EnergyUnit, Double>> kgcePerUnit) {
    Map<EnergyCarrier, Map<EnergyUnit, Double>> copy = new EnumMap<>(EnergyCarrier.class);
    kgcePerUnit.forEach((c, units) -> copy.put(c, Collections.unmodifiableMap(new EnumMap<>(units))));
    this.kgcePerUnit = Collections.unmodifiableMap(copy);
  }

  /** Reads the factors file; fails naming the file, line and field of the first problem. */
  public static EnergyFactors load(Path file) {
    YamlNode root = YamlNode.parse(file).allowOnly("factors");
    YamlNode factors = root.get("factors");
    Map<EnergyCarrier, Map<EnergyUnit, Double>> result = new EnumMap<>(EnergyCarrier.class);
    for (Map.Entry<String, YamlNode> c : factors.entries().entrySet()) {
      EnergyCarrier carrier = Coded.byCode(EnergyCarrier.class, c.getKey());
      if (carrier == null) {
        throw c.getValue().error("unknown energy carrier (allowed: "
            + Coded.codes(EnergyCarrier.class) + ")");
      }
      Map<EnergyUnit, Double> units = new EnumMap<>(EnergyUnit.class);
      for (Map.Entry<String, YamlNode> u : c.getValue().entries().entrySet()) {
        EnergyUnit unit = Coded.byCode(EnergyUnit.class, u.getKey());
        if (unit == null) {
          throw u.getValue().error("unknown unit (allowed: " + Coded.codes(EnergyUnit.class) + ")");
        }
        units.put(unit, u.getValue().positiveDouble());
      }
      if (units.isEmpty()) {
        throw c.getValue().error("a carrier needs at least one unit");
      }
      result.put(carrier, units);
    }
    for (EnergyCarrier carrier : EnergyCarrier.values()) {
      if (!result.containsKey(carrier)) {
        throw factors.error("missing carrier '" + carrier.code() + "'");
      }
    }
    return new EnergyFactors(result);
  }

  /** {@code amount} of {@code carrier} in {@code unit}, in tce; fails if the unit does not fit. */
  public double tce(EnergyCarrier carrier, EnergyUnit unit, double amount) {
    return tce(amount, kgcePerUnit(carrier, unit));
  }

  /** The factor of {@code carrier} in {@code unit}, kgce per unit; fails if the unit does not fit. */
  public double kgcePerUnit(EnergyCarrier carrier, EnergyUnit unit) {
    Double factor = kgcePerUnit.getOrDefault(carrier, Map.of()).get(unit);
    if (factor == null) {
      throw new IllegalArgumentException("no factor for " + carrier.code() + " in " + unit.code()
          + " (allowed units: " + unitsByCarrier().get(carrier) + ")");
    }
    return factor;
  }

  /** {@code amount} converted with {@code factor} kgce per unit, in tce. */
  public static double tce(double amount, double factor) {
    return amount * factor / 1000.0;
  }

  /** The units each carrier may be read in: the decoder rejects any other combination. */
  public Map<EnergyCarrier, Set<EnergyUnit>> unitsByCarrier() {
    Map<EnergyCarrier, Set<EnergyUnit>> m = new EnumMap<>(EnergyCarrier.class);
    kgcePerUnit.forEach((c, units) -> m.put(c, Collections.unmodifiableSet(EnumSet.copyOf(units.keySet()))));
    return Collections.unmodifiableMap(m);
  }
}
