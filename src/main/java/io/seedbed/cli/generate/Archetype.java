package io.seedbed.cli.generate;

/**
 * The growth story of an enterprise. Shares are of the whole city; {@link #UNICORN} firms are placed
 * by index instead (1 to 3 per city), so they exist even in small cities.
 */
enum Archetype {
  /** Steady small firm, a few percent growth a year. */
  ORDINARY(0.735),
  /** Shrinking firm. */
  DECLINER(0.10),
  /** Industrial firm whose main revenue crosses the 20 million 规上 line during the period (小升规). */
  SCALE_UP(0.03),
  /** Fast grower: 25%+ a year with high R&D (瞪羚-like). */
  GAZELLE(0.02),
  /** Meets the 专精特新 hard conditions. */
  SRDI(0.045),
  /** Looks like an SRDI firm but misses exactly one condition (see {@link Flaw}). */
  SRDI_NEAR_MISS(0.04),
  /** National 小巨人 level: big R&D, niche leader, several class-I patents. */
  LITTLE_GIANT(0.007),
  /** Large enterprise, above the SME ceiling. */
  LARGE(0.003),
  /** Young, heavily financed, valued near or above 1 billion USD. */
  UNICORN(0.0);

  final double share;

  Archetype(double share) {
    this.share = share;
  }

  /** The single condition an {@link #SRDI_NEAR_MISS} firm fails. */
  enum Flaw { NONE, RD_RATIO_BELOW_3PCT, REVENUE_BELOW_10M, NICHE_TOO_RECENT, NO_QUALITY_CERTIFICATE, RECENT_ACCIDENT, HIGH_LEVERAGE }
}
