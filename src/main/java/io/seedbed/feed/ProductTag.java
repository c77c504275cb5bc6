package io.seedbed.feed;

/** Tags on the main product: 战略性新兴产业, 工业"六基", key chain link, 中华老字号, supplier of a chain leader. */
public enum ProductTag implements Coded {
  STRATEGIC_EMERGING("strategic_emerging"),
  SIX_FOUNDATIONS("six_foundations"),
  KEY_CHAIN("key_chain"),
  TIME_HONORED("time_honored"),
  LEADER_SUPPLIER("leader_supplier");

  private final String code;

  ProductTag(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
