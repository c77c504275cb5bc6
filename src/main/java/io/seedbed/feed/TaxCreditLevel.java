package io.seedbed.feed;

/** 纳税信用等级 (tax credit rating), criteria.md §7.1. */
public enum TaxCreditLevel implements Coded {
  A("A"),
  B("B"),
  M("M"),
  C("C"),
  D("D");

  private final String code;

  TaxCreditLevel(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
