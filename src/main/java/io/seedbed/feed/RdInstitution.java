package io.seedbed.feed;

/** Level of the enterprise's own R&D institution (研发机构). */
public enum RdInstitution implements Coded {
  NATIONAL("national"),
  PROVINCIAL("provincial"),
  CITY("city"),
  BELOW_CITY("below_city"),
  NONE("none");

  private final String code;

  RdInstitution(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
