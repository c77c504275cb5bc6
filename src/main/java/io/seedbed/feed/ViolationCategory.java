package io.seedbed.feed;

/** 重大税收违法 category of a tax violation. */
public enum ViolationCategory implements Coded {
  EVASION("evasion"),
  FRAUD("fraud"),
  OTHER("other");

  private final String code;

  ViolationCategory(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
