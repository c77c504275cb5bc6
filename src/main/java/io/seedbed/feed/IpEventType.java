package io.seedbed.feed;

/** Lifecycle event of an IP item. */
public enum IpEventType implements Coded {
  FILED("filed"),
  GRANTED("granted"),
  LAPSED("lapsed"),
  INVALIDATED("invalidated"),
  RESTORED("restored"),
  TRANSFERRED_IN("transferred_in"),
  TRANSFERRED_OUT("transferred_out"),
  PLEDGED("pledged"),
  FOREIGN_GRANTED("foreign_granted"),
  AWARDED("awarded"),
  ABNORMAL("abnormal");

  private final String code;

  IpEventType(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
