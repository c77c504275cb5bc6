package io.seedbed.feed;

/** An enum whose constants have a wire code (the string used in the feeds and outputs). */
public interface Coded {
  String code();

  /** The constant of {@code type} whose code is {@code code}, or null. */
  static <E extends Enum<E> & Coded> E byCode(Class<E> type, String code) {
    for (E e : type.getEnumConstants()) {
      if (e.code().equals(code)) {
        return e;
      }
    }
    return null;
  }

  /** The allowed codes of {@code type}, for messages. */
  static <E extends Enum<E> & Coded> String codes(Class<E> type) {
    StringBuilder sb = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(e.code());
    }
    return sb.toString();
  }
}
