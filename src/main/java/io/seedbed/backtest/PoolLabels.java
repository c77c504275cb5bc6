package io.seedbed.backtest;

import io.seedbed.feed.Coded;
import io.seedbed.rule.Pool;
import java.util.Comparator;
import java.util.Map;

/** How the report names and orders pools: the plan's order, the Chinese name next to the code. */
final class PoolLabels {
  /** Short Chinese names as the city plan and its readers use them. */
  private static final Map<Pool, String> CHINESE = Map.of(
      Pool.SCALE_UP, "小升规",
      Pool.SRDI, "专精特新",
      Pool.GAZELLE, "瞪羚",
      Pool.UNICORN, "独角兽",
      Pool.LITTLE_GIANT, "小巨人",
      Pool.LISTING_RESERVE, "上市后备",
      Pool.INNOVATIVE, "创新型",
      Pool.CHAMPION, "单项冠军");

  /** Known pools in {@link Pool} order, then any other code (a newer run's pool) by name. */
  static final Comparator<String> ORDER = Comparator
      .comparingInt((String code) -> {
        Pool p = Coded.byCode(Pool.class, code);
        return p == null ? Integer.MAX_VALUE : p.ordinal();
      })
      .thenComparing(Comparator.naturalOrder());

  private PoolLabels() {}

  /** The Chinese name, or null for a code this build does not know. */
  static String chinese(String code) {
    Pool p = Coded.byCode(Pool.class, code);
    return p == null ? null : CHINESE.get(p);
  }

  /** {@code 小升规 scale_up}, or just the code when unknown. */
  static String label(String code) {
    String zh = chinese(code);
    return zh == null ? code : zh + " " + code;
  }
}
