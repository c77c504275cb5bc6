package io.seedbed.feed;

/** Unit of a meter reading. Which units fit which carrier is decided by the energy factors config. */
public enum EnergyUnit implements Coded {
  KWH("kWh"),
  M3("m3"),
  T("t"),
  GJ("GJ");

  private final String code;

  EnergyUnit(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
