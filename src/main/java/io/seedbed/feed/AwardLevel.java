package io.seedbed.feed;

/** Level of a science and technology award (科技奖励). */
public enum AwardLevel implements Coded {
  NATIONAL("national"),
  PROVINCIAL("provincial");

  private final String code;

  AwardLevel(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
