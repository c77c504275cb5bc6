package io.seedbed.feed;

/** Field of an accident (生产安全、质量、环境污染事故). */
public enum AccidentCategory implements Coded {
  SAFETY("safety"),
  QUALITY("quality"),
  ENVIRONMENT("environment");

  private final String code;

  AccidentCategory(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
