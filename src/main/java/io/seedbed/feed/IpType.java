package io.seedbed.feed;

/** Type of an IP item; class I (Ⅰ类) and class II per criteria.md §11. */
public enum IpType implements Coded {
  INVENTION("invention"),
  UTILITY_MODEL("utility_model"),
  DESIGN("design"),
  SOFTWARE_COPYRIGHT("software_copyright"),
  IC_LAYOUT("ic_layout"),
  PLANT_VARIETY("plant_variety"),
  NEW_DRUG("new_drug");

  private final String code;

  IpType(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
