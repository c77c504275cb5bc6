package io.seedbed.feed;

/** Registration status (登记状态). */
public enum EnterpriseStatus implements Coded {
  ACTIVE("active"),
  DEREGISTERED("deregistered"),
  REVOKED("revoked");

  private final String code;

  EnterpriseStatus(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
