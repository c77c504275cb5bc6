package io.seedbed.ledger;

/** The fields of a registry {@code profile} patch, each kept with the time of its latest value. */
public enum ProfileField {
  NAME, REGISTERED_AT, DISTRICT, INDUSTRY, LEGAL_PERSON, STATUS, LAND_AREA_MU, CERTIFICATIONS,
  NICHE_SINCE, PRODUCT_TAGS, RD_INSTITUTION, DIGITAL_LEVEL, OWN_BRAND, LISTING, VALUATION_USD,
  MARKET_SHARE, MARKET_RANK, DEVELOPMENT_SCORE
}
