package io.seedbed.feed;

/** Energy carrier of a meter reading. */
public enum EnergyCarrier implements Coded {
  ELECTRICITY("electricity"),
  NATURAL_GAS("natural_gas"),
  COAL("coal"),
  STEAM("steam"),
  DIESEL("diesel"),
  HEAT("heat");

  private final String code;

  EnergyCarrier(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
