package io.seedbed.feed;

/** What a title record does. */
public enum TitleAction implements Coded {
  GRANTED("granted"),
  REVOKED("revoked"),
  EXPIRED("expired");

  private final String code;

  TitleAction(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
