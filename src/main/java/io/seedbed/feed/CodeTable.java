package io.seedbed.feed;

import java.util.HashMap;
import java.util.Map;

/**
 * The wire codes of one {@link Coded} enum, indexed once so that decoding a code is a hash lookup
 * instead of a scan over {@code getEnumConstants()} (which copies the array on every call).
 */
final class CodeTable<E extends Enum<E> & Coded> {
  private final Map<String, E> byCode = new HashMap<>();
  private final String allowed;

  private CodeTable(Class<E> type) {
    for (E e : type.getEnumConstants()) {
      byCode.put(e.code(), e);
    }
    allowed = Coded.codes(type);
  }

  static <E extends Enum<E> & Coded> CodeTable<E> of(Class<E> type) {
    return new CodeTable<>(type);
  }

  /** The constant whose code is exactly {@code code} (case-sensitive), or null. */
  E get(String code) {
    return byCode.get(code);
  }

  /** The allowed codes separated by spaces, for messages. */
  String allowed() {
    return allowed;
  }
}
