package io.seedbed.rule;

import io.seedbed.feed.Coded;

/**
 * The city plan's six cultivation pools (6个优质中小企业培育库) and the two tiers tracked the same
 * way (contract/outputs.md).
 */
public enum Pool implements Coded {
  /** 小升规: small industrial firms approaching the 规模以上 line. */
  SCALE_UP("scale_up"),
  /** 专精特新中小企业. */
  SRDI("srdi"),
  /** 瞪羚. */
  GAZELLE("gazelle"),
  /** 独角兽 (and potential unicorns as candidates). */
  UNICORN("unicorn"),
  /** 专精特新"小巨人". */
  LITTLE_GIANT("little_giant"),
  /** 上市后备资源. */
  LISTING_RESERVE("listing_reserve"),
  /** 创新型 / 科技和创新型中小企业: the base tier that feeds the others. */
  INNOVATIVE("innovative"),
  /** 制造业单项冠军. */
  CHAMPION("champion");

  private final String code;

  Pool(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public static Pool of(String code) {
    Pool p = Coded.byCode(Pool.class, code);
    if (p == null) {
      throw new IllegalArgumentException("unknown pool '" + code + "'; one of " + Coded.codes(Pool.class));
    }
    return p;
  }
}
