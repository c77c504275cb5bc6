package io.seedbed.ledger;

import java.util.Objects;

/**
 * A value the ledger computed from one state of its inputs: two keys (a time, a month, a packed
 * table's bytes, which are new after every change) and the settings. Transient working state.
 */
final class Cached<T> {
  private final Object a;
  private final Object b;
  private final LedgerSettings settings;
  final T value;

  Cached(Object a, Object b, LedgerSettings settings, T value) {
    this.a = a;
    this.b = b;
    this.settings = settings;
    this.value = value;
  }

  static boolean fresh(Cached<?> c, Object a, Object b, LedgerSettings s) {
    return c != null && c.settings == s && Objects.equals(c.a, a) && Objects.equals(c.b, b);
  }
}
