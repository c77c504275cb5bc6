package io.seedbed.ledger;

import io.seedbed.config.YamlNode;
import java.nio.file.Path;

/**
 * How much history the ledger keeps (section {@code ledger} of {@code config/indicators.yaml}) and
 * the energy factors it converts readings with. Windows count back from the enterprise's own latest
 * data, so a replay of old feeds keeps the same facts as the live run.
 */
public final class LedgerSettings {
  public final int monthsKept;
  public final int annualReturnsKept;
  public final int lookbackYears;
  public final int invalidIpKeptYears;
  public final EnergyFactors energy;

  public LedgerSettings(int monthsKept, int annualReturnsKept, int lookbackYears,
      int invalidIpKeptYears, EnergyFactors energy) {
    this.monthsKept = monthsKept;
    this.annualReturnsKept = annualReturnsKept;
    this.lookbackYears = lookbackYears;
    this.invalidIpKeptYears = invalidIpKeptYears;
    this.energy = energy;
  }

  /** Reads {@code indicators.yaml} (section {@code ledger}) and {@code energy-factors.yaml} in {@code configDir}. */
  public static LedgerSettings load(Path configDir) {
    YamlNode ledger = YamlNode.parse(configDir.resolve("indicators.yaml")).get("ledger")
        .allowOnly("monthsKept", "annualReturnsKept", "lookbackYears", "invalidIpKeptYears");
    return new LedgerSettings(
        ledger.get("monthsKept").positiveInt(),
        ledger.get("annualReturnsKept").positiveInt(),
        ledger.get("lookbackYears").positiveInt(),
        ledger.get("invalidIpKeptYears").positiveInt(),
        EnergyFactors.load(configDir.resolve("energy-factors.yaml")));
  }
}
