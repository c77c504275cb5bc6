package io.seedbed.feed;

/** Whether a listing record adds the enterprise to a list or removes it. */
public enum ListAction implements Coded {
  ADD("add"),
  REMOVE("remove");

  private final String code;

  ListAction(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
