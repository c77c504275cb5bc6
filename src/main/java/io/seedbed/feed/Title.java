package io.seedbed.feed;

/** Titles granted by governments (荣誉/资质). */
public enum Title implements Coded {
  TECH_SME("tech_sme"),
  INNOVATIVE_SME("innovative_sme"),
  HIGH_TECH("high_tech"),
  SRDI_CITY("srdi_city"),
  SRDI_PROVINCIAL("srdi_provincial"),
  LITTLE_GIANT("little_giant"),
  GAZELLE_CITY("gazelle_city"),
  GAZELLE_PROVINCIAL("gazelle_provincial"),
  UNICORN("unicorn"),
  CHAMPION_PROVINCIAL("champion_provincial"),
  CHAMPION_NATIONAL("champion_national");

  private final String code;

  Title(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
