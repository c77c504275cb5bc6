package io.seedbed.ledger;

/**
 * The ledger's first state form (savepoint v1): every fact in a map under its feeds.md identity,
 * USCC included. {@link Ledger} keeps those fields, with their types, so that such state still
 * restores, and moves their content to the packed form the first time it touches a restored
 * ledger. These are the conversions that move needs.
 */
final class LegacyLedger {
  private LegacyLedger() {}

  /**
   * A reading of the map form: {@code key} is its identity {@code meter|USCC|carrier|meter|from|to}
   * (the meter id may hold anything, the other parts hold no '|'). The map form kept the tce, not
   * the factor: any factor that gives back the same tce bits is as good; else the tce is kept as is.
   */
  static Reading reading(String key, MeterFact f) {
    int carrierStart = key.indexOf('|', key.indexOf('|') + 1) + 1;
    int meterStart = key.indexOf('|', carrierStart) + 1;
    int toStart = key.lastIndexOf('|') + 1;
    int fromStart = key.lastIndexOf('|', toStart - 2) + 1;
    String meterId = key.substring(meterStart, fromStart - 1);
    if (f.amount != 0) {
      double factor = f.tce * 1000.0 / f.amount;
      if (Double.doubleToRawLongBits(EnergyFactors.tce(f.amount, factor))
          == Double.doubleToRawLongBits(f.tce)) {
        return Reading.converted(f.carrier, meterId, f.unit, f.amount, f.fromDay, f.toDay, factor);
      }
    }
    return Reading.ofTce(f.carrier, meterId, f.unit, f.amount, f.fromDay, f.toDay, f.tce);
  }

  /** A map key of the first form, {@code kind|USCC|rest}, as the current form spells it: {@code kind|rest}. */
  static String withoutUscc(String key) {
    int first = key.indexOf('|');
    int second = key.indexOf('|', first + 1);
    return second < 0 ? key : key.substring(0, first + 1) + key.substring(second + 1);
  }
}
