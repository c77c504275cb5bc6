package io.seedbed.feed;

/** Field of an administrative penalty. */
public enum PenaltyCategory implements Coded {
  SAFETY("safety"),
  QUALITY("quality"),
  ENVIRONMENT("environment"),
  TAX("tax"),
  OTHER("other");

  private final String code;

  PenaltyCategory(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
