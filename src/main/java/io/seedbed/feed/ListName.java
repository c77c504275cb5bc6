package io.seedbed.feed;

/** Credit lists: 经营异常名录, 严重违法失信名单, 失信被执行人. */
public enum ListName implements Coded {
  ABNORMAL_OPERATION("abnormal_operation"),
  SERIOUS_DISHONESTY("serious_dishonesty"),
  DISHONEST_DEBTOR("dishonest_debtor");

  private final String code;

  ListName(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
