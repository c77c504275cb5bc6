package io.seedbed.feed;

/** Why a line was rejected: the {@code reason} code of {@code rejected_record}. */
public enum RejectReason implements Coded {
  /** Not parseable as JSON, or not a JSON object. */
  MALFORMED_JSON("malformed_json"),
  /** Longer than {@link Json#MAX_LINE_CHARS}; rejected before it is parsed. */
  LINE_TOO_LONG("line_too_long"),
  /** {@code kind} absent or not one of the feed's kinds. */
  UNKNOWN_KIND("unknown_kind"),
  /** A required field is absent or null. */
  MISSING_FIELD("missing_field"),
  /** A field has the wrong JSON type (a string where a number belongs, a fraction for a count). */
  WRONG_TYPE("wrong_type"),
  /** The USCC is not 18 valid characters with a correct check character. */
  INVALID_USCC("invalid_uscc"),
  /** A value outside its enumeration or range (an unknown category, a score above 100). */
  INVALID_VALUE("invalid_value"),
  /** A date, month, year or instant that does not parse, or a span whose end is before its start. */
  INVALID_DATE("invalid_date"),
  /** A money amount or count below zero where the field does not allow it. */
  NEGATIVE_AMOUNT("negative_amount"),
  /** A date or instant more than one day after the job's clock. */
  FUTURE_DATE("future_date"),
  /** An energy unit that does not fit the carrier. */
  UNIT_MISMATCH("unit_mismatch"),
  /** A rule file that failed validation (feed {@code rules}). */
  INVALID_RULES("invalid_rules");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
