package io.seedbed.feed;

/** Severity of a penalty or accident; only {@code major} disqualifies under MIIT rules. */
public enum Severity implements Coded {
  MAJOR("major"),
  GENERAL("general");

  private final String code;

  Severity(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
