package io.seedbed.feed;

/** Capital-market stage: none, regional equity market, 新三板 (NEEQ), listed. */
public enum ListingStage implements Coded {
  NONE("none"),
  REGIONAL("regional"),
  NEEQ("neeq"),
  LISTED("listed");

  private final String code;

  ListingStage(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
