package io.seedbed.feed;

import static io.seedbed.feed.SampleLines.CLOCK;
import static io.seedbed.feed.SampleLines.NOW;
import static io.seedbed.feed.SampleLines.USCC;
import static io.seedbed.feed.SampleLines.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedbed.feed.SampleLines.Sample;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FeedDecoderTest {
  private final FeedDecoder decoder = new FeedDecoder(CLOCK);

  // ---- helpers

  private FeedRecord accepted(Sample s, String line) {
    Decoded d = decoder.decode(s.feed(), line);
    assertThat(d.rejected()).as("rejection of %s", line).isNull();
    assertThat(d.ok()).isTrue();
    return d.record();
  }

  private RejectedRecord rejected(Feed feed, String line, RejectReason reason) {
    Decoded d = decoder.decode(feed, line);
    assertThat(d.record()).as("record from %s", line).isNull();
    assertThat(d.ok()).isFalse();
    RejectedRecord r = d.rejected();
    assertThat(r.reason).as("reason for %s (message %s)", line, r.message).isEqualTo(reason.code());
    assertThat(r.feed).isEqualTo(feed.id());
    assertThat(r.raw).isEqualTo(line.length() > RejectedRecord.MAX_RAW_CHARS
        ? line.substring(0, RejectedRecord.MAX_RAW_CHARS) : line);
    assertThat(r.receivedAt).isEqualTo(NOW);
    return r;
  }

  /** The sample with one field set to a JSON value written with single quotes. */
  private static String with(Sample s, String field, String singleQuotedJson) {
    try {
      ObjectNode o = (ObjectNode) Json.MAPPER.readTree(s.line());
      o.set(field, Json.MAPPER.readTree(json(singleQuotedJson)));
      return Json.MAPPER.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String without(Sample s, String field) {
    try {
      ObjectNode o = (ObjectNode) Json.MAPPER.readTree(s.line());
      o.remove(field);
      return Json.MAPPER.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertRejected(Sample s, String field, String value, RejectReason reason) {
    RejectedRecord r = rejected(s.feed(), with(s, field, value), reason);
    assertThat(r.message).contains("'" + field + "'");
  }

  // ---- one valid line of every kind

  static Stream<Sample> samples() {
    return SampleLines.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyKindDecodesToTheExactRecord(Sample s) {
    FeedRecord r = accepted(s, s.line());
    assertThat(r).isEqualTo(s.expected());
    assertThat(r.kind()).isEqualTo(s.kind());
    assertThat(r.feed()).isEqualTo(s.feed());
  }

  @Test
  void allFifteenKindsAreCovered() {
    assertThat(SampleLines.ALL).extracting(Sample::kind).doesNotHaveDuplicates().hasSize(15);
  }

  @Test
  void eventTimeAndIdentityComeFromTheRecordClasses() {
    FeedRecord vat = accepted(SampleLines.VAT_RETURN, SampleLines.VAT_RETURN.line());
    assertThat(vat.eventTime()).isEqualTo(Instant.parse("2025-04-12T01:30:00Z"));
    assertThat(vat.identity()).isEqualTo("vat_return|" + USCC + "|2025-03");
    FeedRecord meter = accepted(SampleLines.METER, SampleLines.METER.line());
    assertThat(meter.eventTime()).isEqualTo(Instant.parse("2025-04-29T16:00:00Z"));
  }

  @Test
  void optionalFieldsMayBeAbsentOrNull() {
    assertThat(accepted(SampleLines.PENALTY, without(SampleLines.PENALTY, "amount")))
        .isEqualTo(new Penalty(USCC, "日环罚〔2024〕12号", PenaltyCategory.ENVIRONMENT,
            Severity.GENERAL, Instant.parse("2024-08-01T01:00:00Z"), null));
    assertThat(((BankCredit) accepted(SampleLines.BANK, with(SampleLines.BANK, "creditScore", "null")))
        .creditScore()).isNull();
    assertThat(((MeterReading) accepted(SampleLines.METER, without(SampleLines.METER, "meterId")))
        .meterId()).isNull();
    assertThat(((TitleEvent) accepted(SampleLines.TITLE, without(SampleLines.TITLE, "validUntil")))
        .validUntil()).isNull();
  }

  @Test
  void profileNeedsOnlyAt() {
    String line = json("{'kind':'profile','uscc':'" + USCC + "','at':'2025-01-02T09:00:00+08:00',"
        + "'name':null,'district':null,'productTags':null}");
    assertThat(accepted(SampleLines.PROFILE, line)).isEqualTo(new Profile(USCC,
        Instant.parse("2025-01-02T01:00:00Z"), null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null));
  }

  @Test
  void extraFieldsAreIgnored() {
    String line = with(SampleLines.VAT_RETURN, "source", "{'system':'golden-tax','v':[1,2]}");
    assertThat(accepted(SampleLines.VAT_RETURN, line)).isEqualTo(SampleLines.VAT_RETURN.expected());
  }

  @Test
  void yearMayBeAStringAndCountsMayHaveAZeroFraction() {
    String line = with(SampleLines.ANNUAL_RETURN, "year", "'2024'")
        .replace("\"employees\":180", "\"employees\":180.0")
        .replace("\"rdStaff\":27", "\"rdStaff\":2.7e1");
    assertThat(accepted(SampleLines.ANNUAL_RETURN, line)).isEqualTo(SampleLines.ANNUAL_RETURN.expected());
  }

  @Test
  void negativeZeroMoneyBecomesZero() {
    VatReturn v = (VatReturn) accepted(SampleLines.VAT_RETURN,
        with(SampleLines.VAT_RETURN, "taxPaid", "-0.0"));
    assertThat(Double.compare(v.taxPaid(), 0.0)).isZero();
  }

  @Test
  void aLeadingByteOrderMarkIsIgnored() {
    assertThat(accepted(SampleLines.BANK, "\uFEFF" + SampleLines.BANK.line()))
        .isEqualTo(SampleLines.BANK.expected());
  }

  @Test
  void theRulesFeedIsNotADataFeed() {
    assertThatThrownBy(() -> decoder.decode(Feed.RULES, "{}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- line_too_long

  @Test
  void aLineLongerThanTheLimitIsRejectedBeforeParsing() {
    String padding = " ".repeat(Json.MAX_LINE_CHARS);
    RejectedRecord r = rejected(Feed.TAX, SampleLines.VAT_RETURN.line() + padding,
        RejectReason.LINE_TOO_LONG);
    assertThat(r.message).contains(String.valueOf(Json.MAX_LINE_CHARS));
    assertThat(r.raw).hasSize(RejectedRecord.MAX_RAW_CHARS);
    // Not parsed: garbage of the same length gets the same reason.
    rejected(Feed.TAX, "{".repeat(Json.MAX_LINE_CHARS + 1), RejectReason.LINE_TOO_LONG);
  }

  @Test
  void aLineOfExactlyTheLimitIsParsed() {
    String line = SampleLines.VAT_RETURN.line();
    String padded = line + " ".repeat(Json.MAX_LINE_CHARS - line.length());
    assertThat(accepted(SampleLines.VAT_RETURN, padded)).isEqualTo(SampleLines.VAT_RETURN.expected());
  }

  // ---- malformed_json

  @Test
  void blankLinesAreRejectedNotSkipped() {
    for (String blank : new String[] {"", "   ", "\t", "\uFEFF"}) {
      assertThat(rejected(Feed.ENERGY, blank, RejectReason.MALFORMED_JSON).message)
          .isEqualTo("empty line");
    }
    Decoded d = decoder.decode(Feed.ENERGY, null);
    assertThat(d.rejected().reason).isEqualTo("malformed_json");
    assertThat(d.rejected().raw).isEmpty();
  }

  @Test
  void brokenJsonIsMalformed() {
    for (String line : List.of("{\"kind\":", "{kind:'meter'}", "{'kind':'meter'}", "not json",
        "{\"a\":NaN}", "{\"a\":1,}", "{\"a\":1} // comment")) {
      assertThat(rejected(Feed.ENERGY, line, RejectReason.MALFORMED_JSON).message)
          .startsWith("not valid JSON: ");
    }
  }

  @Test
  void aLineMustBeOneObject() {
    assertThat(rejected(Feed.TAX, "[1,2]", RejectReason.MALFORMED_JSON).message)
        .isEqualTo("line must be a JSON object, got array");
    assertThat(rejected(Feed.TAX, "\"vat_return\"", RejectReason.MALFORMED_JSON).message)
        .isEqualTo("line must be a JSON object, got string");
    assertThat(rejected(Feed.TAX, "null", RejectReason.MALFORMED_JSON).message)
        .isEqualTo("line must be a JSON object, got null");
    rejected(Feed.TAX, SampleLines.VAT_RETURN.line() + SampleLines.VAT_RETURN.line(),
        RejectReason.MALFORMED_JSON);
    rejected(Feed.TAX, SampleLines.VAT_RETURN.line() + " x", RejectReason.MALFORMED_JSON);
  }

  @Test
  void duplicateKeysAreMalformed() {
    String line = SampleLines.VAT_RETURN.line().replace("{", "{\"sales\":1,");
    assertThat(rejected(Feed.TAX, line, RejectReason.MALFORMED_JSON).message).contains("sales");
  }

  @Test
  void deepNestingIsMalformedNotAStackOverflow() {
    String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    rejected(Feed.TAX, deep, RejectReason.MALFORMED_JSON);
  }

  @Test
  void aNumberWithTooManyDigitsIsMalformed() {
    rejected(Feed.TAX, with(SampleLines.VAT_RETURN, "sales", "1").replace("\"sales\":1",
        "\"sales\":" + "9".repeat(200)), RejectReason.MALFORMED_JSON);
  }

  // ---- unknown_kind

  @Test
  void kindMustBeOneOfTheFeedsKinds() {
    RejectedRecord r = rejected(Feed.TAX, with(SampleLines.VAT_RETURN, "kind", "'vat'"),
        RejectReason.UNKNOWN_KIND);
    assertThat(r.message).isEqualTo("field 'kind' must be one of vat_return annual_return "
        + "credit_rating violation for feed tax, got \"vat\"");
    assertThat(rejected(Feed.TAX, without(SampleLines.VAT_RETURN, "kind"), RejectReason.UNKNOWN_KIND)
        .message).endsWith("got nothing");
    rejected(Feed.TAX, with(SampleLines.VAT_RETURN, "kind", "7"), RejectReason.UNKNOWN_KIND);
    rejected(Feed.TAX, with(SampleLines.VAT_RETURN, "kind", "'VAT_RETURN'"), RejectReason.UNKNOWN_KIND);
    // A valid line of another feed.
    assertThat(rejected(Feed.TAX, SampleLines.METER.line(), RejectReason.UNKNOWN_KIND).message)
        .contains("'kind'").contains("\"meter\"");
  }

  // ---- uscc

  @Test
  void usccMissingNullOrNotAString() {
    assertThat(rejected(Feed.CREDIT, without(SampleLines.BANK, "uscc"), RejectReason.MISSING_FIELD)
        .message).isEqualTo("field 'uscc' is missing");
    assertThat(rejected(Feed.CREDIT, with(SampleLines.BANK, "uscc", "null"),
        RejectReason.MISSING_FIELD).message).isEqualTo("field 'uscc' is null");
    assertRejected(SampleLines.BANK, "uscc", "913711007062857219", RejectReason.WRONG_TYPE);
  }

  @Test
  void invalidUsccIsRejectedNotRepaired() {
    assertThat(rejected(Feed.CREDIT, with(SampleLines.BANK, "uscc", "'91371100706285721X'"),
        RejectReason.INVALID_USCC).message).isEqualTo("field 'uscc' is not a valid unified "
            + "social credit code: \"91371100706285721X\" (check character must be 'Y', got 'X')");
    assertThat(rejected(Feed.CREDIT, with(SampleLines.BANK, "uscc", "'91371100706285721y'"),
        RejectReason.INVALID_USCC).message).contains("character 18 is not one of");
    assertThat(rejected(Feed.CREDIT, with(SampleLines.BANK, "uscc", "' 91371100706285721Y'"),
        RejectReason.INVALID_USCC).message).contains("must be 18 characters, got 19");
    assertRejected(SampleLines.BANK, "uscc", "'91371100706285721'", RejectReason.INVALID_USCC);
    assertRejected(SampleLines.BANK, "uscc", "'9137110070628572IY'", RejectReason.INVALID_USCC);
    assertRejected(SampleLines.BANK, "uscc", "''", RejectReason.INVALID_USCC);
  }

  // ---- missing_field: every required field of every kind

  static Stream<Arguments> requiredFields() {
    return SampleLines.ALL.stream()
        .flatMap(s -> s.required().stream().map(field -> Arguments.of(s, field)));
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("requiredFields")
  void everyRequiredFieldMissingOrNullIsRejected(Sample s, String field) {
    assertThat(rejected(s.feed(), without(s, field), RejectReason.MISSING_FIELD).message)
        .isEqualTo("field '" + field + "' is missing");
    assertThat(rejected(s.feed(), with(s, field, "null"), RejectReason.MISSING_FIELD).message)
        .isEqualTo("field '" + field + "' is null");
  }

  // ---- wrong_type

  @Test
  void aStringForANumberIsTheWrongType() {
    RejectedRecord r = rejected(Feed.TAX, with(SampleLines.VAT_RETURN, "sales", "'12x'"),
        RejectReason.WRONG_TYPE);
    assertThat(r.message).isEqualTo("field 'sales' must be a number, got string \"12x\"");
    // Even a numeric string: no coercion.
    assertRejected(SampleLines.VAT_RETURN, "taxPaid", "'81234'", RejectReason.WRONG_TYPE);
    assertRejected(SampleLines.PROFILE, "landAreaMu", "'35.5'", RejectReason.WRONG_TYPE);
  }

  @Test
  void aFractionForACountIsTheWrongType() {
    assertThat(rejected(Feed.TAX, with(SampleLines.ANNUAL_RETURN, "employees", "180.5"),
        RejectReason.WRONG_TYPE).message)
        .isEqualTo("field 'employees' must be an integer, got number 180.5");
    assertRejected(SampleLines.BANK, "overdueDays", "0.5", RejectReason.WRONG_TYPE);
    assertRejected(SampleLines.AWARD, "rank", "1.5", RejectReason.WRONG_TYPE);
    assertRejected(SampleLines.PROFILE, "digitalLevel", "'3'", RejectReason.WRONG_TYPE);
  }

  @Test
  void otherWrongTypes() {
    assertThat(rejected(Feed.CREDIT, with(SampleLines.PENALTY, "caseId", "12"),
        RejectReason.WRONG_TYPE).message).isEqualTo("field 'caseId' must be a string, got number 12");
    assertRejected(SampleLines.FINANCING, "qualifiedInvestor", "'true'", RejectReason.WRONG_TYPE);
    assertRejected(SampleLines.PROFILE, "legalPerson", "1", RejectReason.WRONG_TYPE);
    assertRejected(SampleLines.PROFILE, "certifications", "'ISO9001'", RejectReason.WRONG_TYPE);
    assertRejected(SampleLines.PROFILE, "district", "371102", RejectReason.WRONG_TYPE);
    assertRejected(SampleLines.VAT_RETURN, "period", "202503", RejectReason.WRONG_TYPE);
    assertRejected(SampleLines.VAT_RETURN, "filedAt", "1712885400000", RejectReason.WRONG_TYPE);
    assertRejected(SampleLines.CREDIT_RATING, "year", "true", RejectReason.WRONG_TYPE);
    assertRejected(SampleLines.CREDIT_RATING, "level", "['A']", RejectReason.WRONG_TYPE);
    assertRejected(SampleLines.METER, "meterId", "{'id':1}", RejectReason.WRONG_TYPE);
    assertThat(rejected(Feed.REGISTRY, with(SampleLines.PROFILE, "productTags", "['key_chain',3]"),
        RejectReason.WRONG_TYPE).message)
        .isEqualTo("field 'productTags' must be an array of strings, got number 3 at element 1");
    assertRejected(SampleLines.PROFILE, "certifications", "['ISO9001',null]", RejectReason.WRONG_TYPE);
  }

  // ---- invalid_value

  @Test
  void enumValuesOutsideTheListNameTheAllowedCodes() {
    assertThat(rejected(Feed.CREDIT, with(SampleLines.PENALTY, "severity", "'grave'"),
        RejectReason.INVALID_VALUE).message)
        .isEqualTo("field 'severity' must be one of major general, got \"grave\"");
    assertThat(rejected(Feed.TAX, with(SampleLines.CREDIT_RATING, "level", "'a'"),
        RejectReason.INVALID_VALUE).message).contains("A B M C D");
    assertRejected(SampleLines.ACCIDENT, "category", "'tax'", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.LISTING, "list", "'blacklist'", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.IP_EVENT, "event", "'expired'", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.TITLE, "title", "'srdi'", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.METER, "unit", "'kwh'", RejectReason.INVALID_VALUE);
    assertThat(rejected(Feed.REGISTRY, with(SampleLines.PROFILE, "productTags", "['key_chain','x']"),
        RejectReason.INVALID_VALUE).message).contains("'productTags' element 1").contains("strategic_emerging");
  }

  @Test
  void rangesAreEnforced() {
    assertThat(rejected(Feed.CREDIT, with(SampleLines.BANK, "creditScore", "100.5"),
        RejectReason.INVALID_VALUE).message)
        .isEqualTo("field 'creditScore' must be between 0 and 100, got 100.5");
    assertRejected(SampleLines.BANK, "creditScore", "-1", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.PROFILE, "marketShare", "1.01", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.PROFILE, "marketShare", "-0.1", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.PROFILE, "digitalLevel", "0", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.PROFILE, "digitalLevel", "5", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.PROFILE, "developmentScore", "101", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.PROFILE, "marketRank", "0", RejectReason.INVALID_VALUE);
    assertThat(rejected(Feed.REGISTRY, with(SampleLines.AWARD, "rank", "0"),
        RejectReason.INVALID_VALUE).message).isEqualTo("field 'rank' must be at least 1, got 0");
    assertRejected(SampleLines.AWARD, "rank", "-2", RejectReason.INVALID_VALUE);
    // The bounds themselves are allowed.
    accepted(SampleLines.BANK, with(SampleLines.BANK, "creditScore", "100"));
    accepted(SampleLines.PROFILE, with(SampleLines.PROFILE, "marketShare", "1"));
    accepted(SampleLines.PROFILE, with(SampleLines.PROFILE, "digitalLevel", "4"));
  }

  @Test
  void districtAndIndustryFormats() {
    assertThat(rejected(Feed.REGISTRY, with(SampleLines.PROFILE, "district", "'37110'"),
        RejectReason.INVALID_VALUE).message)
        .isEqualTo("field 'district' must be a 6-digit division code, got \"37110\"");
    assertRejected(SampleLines.PROFILE, "district", "'3711020'", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.PROFILE, "district", "'3711O2'", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.PROFILE, "industry", "'3311'", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.PROFILE, "industry", "'C3'", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.PROFILE, "industry", "'Z3311'", RejectReason.INVALID_VALUE);
    for (String ok : new String[] {"C", "C33", "C331"}) {
      assertThat(((Profile) accepted(SampleLines.PROFILE,
          with(SampleLines.PROFILE, "industry", "'" + ok + "'"))).industry()).isEqualTo(ok);
    }
  }

  @Test
  void yearMustBePlausible() {
    assertThat(rejected(Feed.TAX, with(SampleLines.ANNUAL_RETURN, "year", "1948"),
        RejectReason.INVALID_VALUE).message)
        .isEqualTo("field 'year' must be a year from 1949 to 2026, got 1948");
    assertRejected(SampleLines.CREDIT_RATING, "year", "2027", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.CREDIT_RATING, "year", "'0000'", RejectReason.INVALID_VALUE);
    assertThat(((CreditRating) accepted(SampleLines.CREDIT_RATING,
        with(SampleLines.CREDIT_RATING, "year", "1949"))).year()).isEqualTo(1949);
  }

  @Test
  void hugeNumbersAreOutOfRange() {
    assertThat(rejected(Feed.TAX, with(SampleLines.VAT_RETURN, "sales", "1e400"),
        RejectReason.INVALID_VALUE).message).isEqualTo("field 'sales' is out of range, got 1E+400");
    assertRejected(SampleLines.ANNUAL_RETURN, "employees", "3000000000", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.ANNUAL_RETURN, "rdStaff", "3e9", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.ANNUAL_RETURN, "year", "1e12", RejectReason.INVALID_VALUE);
    // Exponents beyond what a double (or a BigDecimal scale) holds.
    rejected(Feed.TAX, SampleLines.VAT_RETURN.line().replace("1250000.5", "1e999999999"),
        RejectReason.INVALID_VALUE);
    rejected(Feed.TAX, SampleLines.ANNUAL_RETURN.line().replace(":180,", ":1e99999999999,"),
        RejectReason.MALFORMED_JSON);
    rejected(Feed.TAX, SampleLines.ANNUAL_RETURN.line().replace(":180,", ":1e-999999999,"),
        RejectReason.WRONG_TYPE);
  }

  @Test
  void stringsMustNotBeBlankOrBrokenUnicode() {
    assertThat(rejected(Feed.CREDIT, with(SampleLines.PENALTY, "caseId", "''"),
        RejectReason.INVALID_VALUE).message).isEqualTo("field 'caseId' must not be empty or blank");
    assertRejected(SampleLines.IP_EVENT, "ipNo", "'  '", RejectReason.INVALID_VALUE);
    assertRejected(SampleLines.PROFILE, "name", "''", RejectReason.INVALID_VALUE);
    String loneSurrogate = SampleLines.FALSIFICATION.line().replace("F-1", "F-\\ud800");
    assertThat(rejected(Feed.CREDIT, loneSurrogate, RejectReason.INVALID_VALUE).message)
        .isEqualTo("field 'caseId' contains an unpaired UTF-16 surrogate");
    // A proper pair (an emoji) is fine.
    String pair = SampleLines.FALSIFICATION.line().replace("F-1", "F-\\ud83d\\ude00");
    assertThat(((Falsification) accepted(SampleLines.FALSIFICATION, pair)).caseId())
        .isEqualTo("F-\uD83D\uDE00");
  }

  // ---- negative_amount

  @Test
  void moneyAndCountsMustNotBeNegative() {
    assertThat(rejected(Feed.TAX, with(SampleLines.VAT_RETURN, "sales", "-1"),
        RejectReason.NEGATIVE_AMOUNT).message).isEqualTo("field 'sales' must not be negative, got -1");
    assertRejected(SampleLines.ANNUAL_RETURN, "totalAssets", "-0.01", RejectReason.NEGATIVE_AMOUNT);
    assertRejected(SampleLines.ANNUAL_RETURN, "rdStaff", "-3", RejectReason.NEGATIVE_AMOUNT);
    assertRejected(SampleLines.PENALTY, "amount", "-5", RejectReason.NEGATIVE_AMOUNT);
    assertRejected(SampleLines.BANK, "overdueDays", "-1", RejectReason.NEGATIVE_AMOUNT);
    assertRejected(SampleLines.METER, "amount", "-10", RejectReason.NEGATIVE_AMOUNT);
    assertRejected(SampleLines.FINANCING, "amount", "-1", RejectReason.NEGATIVE_AMOUNT);
    assertRejected(SampleLines.PROFILE, "valuationUsd", "-1", RejectReason.NEGATIVE_AMOUNT);
    // netProfit may be negative (the sample's is).
    assertThat(((AnnualReturn) accepted(SampleLines.ANNUAL_RETURN, SampleLines.ANNUAL_RETURN.line()))
        .netProfit()).isEqualTo(-1_200_000.75);
  }

  // ---- invalid_date

  @Test
  void unparseableDatesMonthsYearsAndInstants() {
    assertThat(rejected(Feed.TAX, with(SampleLines.VAT_RETURN, "period", "'2025-13'"),
        RejectReason.INVALID_DATE).message)
        .isEqualTo("field 'period' must be a month YYYY-MM, got \"2025-13\"");
    assertRejected(SampleLines.VAT_RETURN, "period", "'2025-3'", RejectReason.INVALID_DATE);
    assertRejected(SampleLines.VAT_RETURN, "period", "'2025-03-01'", RejectReason.INVALID_DATE);
    assertRejected(SampleLines.BANK, "asOf", "'2025-02-29'", RejectReason.INVALID_DATE);
    assertRejected(SampleLines.BANK, "asOf", "'2025/05/31'", RejectReason.INVALID_DATE);
    assertRejected(SampleLines.PROFILE, "registeredAt", "'2008-3-15'", RejectReason.INVALID_DATE);
    assertRejected(SampleLines.TITLE, "validUntil", "'2027-12-32'", RejectReason.INVALID_DATE);
    assertRejected(SampleLines.CREDIT_RATING, "year", "'24'", RejectReason.INVALID_DATE);
    assertThat(rejected(Feed.TAX, with(SampleLines.VAT_RETURN, "filedAt", "'2025-04-12T09:30:00'"),
        RejectReason.INVALID_DATE).message).startsWith("field 'filedAt' must be an ISO-8601 instant");
    assertRejected(SampleLines.VAT_RETURN, "filedAt", "'2025-04-12'", RejectReason.INVALID_DATE);
    assertRejected(SampleLines.LISTING, "at", "'2025-02-30T00:00:00+08:00'", RejectReason.INVALID_DATE);
    assertRejected(SampleLines.LISTING, "at", "'+12025-01-01T00:00:00Z'", RejectReason.INVALID_DATE);
    // Leap day and a Z offset are fine.
    assertThat(((BankCredit) accepted(SampleLines.BANK, with(SampleLines.BANK, "asOf", "'2024-02-29'")))
        .asOf()).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void aMeterSpanMustNotEndBeforeItStarts() {
    String line = with(SampleLines.METER, "to", "'2025-03-31'");
    assertThat(rejected(Feed.ENERGY, line, RejectReason.INVALID_DATE).message)
        .isEqualTo("field 'to' (2025-03-31) is before field 'from' (2025-04-01)");
    MeterReading oneDay = (MeterReading) accepted(SampleLines.METER,
        with(SampleLines.METER, "to", "'2025-04-01'"));
    assertThat(oneDay.to()).isEqualTo(oneDay.from());
  }

  // ---- future_date (clock: 2025-06-15T10:00+08:00)

  @Test
  void instantsMoreThanOneDayAheadAreFuture() {
    assertThat(rejected(Feed.TAX, with(SampleLines.VAT_RETURN, "filedAt", "'2025-06-16T10:00:01+08:00'"),
        RejectReason.FUTURE_DATE).message).startsWith("field 'filedAt' is more than one day after");
    accepted(SampleLines.VAT_RETURN, with(SampleLines.VAT_RETURN, "filedAt", "'2025-06-16T10:00:00+08:00'"));
    assertRejected(SampleLines.AWARD, "at", "'2030-01-01T00:00:00Z'", RejectReason.FUTURE_DATE);
  }

  @Test
  void datesMonthsAndYearsCountFromTheirFirstDay() {
    // 2025-06-16 starts 14 h after the clock: fine; 2025-06-17 starts 38 h after: future.
    accepted(SampleLines.BANK, with(SampleLines.BANK, "asOf", "'2025-06-16'"));
    assertRejected(SampleLines.BANK, "asOf", "'2025-06-17'", RejectReason.FUTURE_DATE);
    assertRejected(SampleLines.METER, "to", "'2025-07-31'", RejectReason.FUTURE_DATE);
    assertRejected(SampleLines.PROFILE, "nicheSince", "'2026-01-01'", RejectReason.FUTURE_DATE);
    accepted(SampleLines.VAT_RETURN, with(SampleLines.VAT_RETURN, "period", "'2025-06'"));
    assertRejected(SampleLines.VAT_RETURN, "period", "'2025-07'", RejectReason.FUTURE_DATE);
    accepted(SampleLines.CREDIT_RATING, with(SampleLines.CREDIT_RATING, "year", "2025"));
    assertRejected(SampleLines.CREDIT_RATING, "year", "2026", RejectReason.FUTURE_DATE);
  }

  @Test
  void aTitlesExpiryDateMayLieInTheFuture() {
    assertThat(((TitleEvent) accepted(SampleLines.TITLE,
        with(SampleLines.TITLE, "validUntil", "'2035-12-31'"))).validUntil())
        .isEqualTo(LocalDate.of(2035, 12, 31));
  }

  // ---- unit_mismatch

  @Test
  void aUnitMustFitItsCarrier() {
    String line = with(SampleLines.METER, "unit", "'m3'");
    assertThat(rejected(Feed.ENERGY, line, RejectReason.UNIT_MISMATCH).message)
        .isEqualTo("field 'unit' \"m3\" does not fit carrier \"electricity\" (allowed: kWh)");
    String steamInTonnes = with(SampleLines.METER, "carrier", "'steam'").replace("kWh", "t");
    assertThat(((MeterReading) accepted(SampleLines.METER, steamInTonnes)).unit())
        .isEqualTo(EnergyUnit.T);
    assertThat(rejected(Feed.ENERGY, steamInTonnes.replace("\"t\"", "\"kWh\""),
        RejectReason.UNIT_MISMATCH).message).contains("(allowed: t GJ)");
  }

  @Test
  void unitsComeFromTheGivenConfiguration() {
    FeedDecoder coalInGj = new FeedDecoder(CLOCK,
        Map.of(EnergyCarrier.COAL, EnumSet.of(EnergyUnit.T, EnergyUnit.GJ)));
    String coalGj = with(SampleLines.METER, "carrier", "'coal'").replace("kWh", "GJ");
    assertThat(coalInGj.decode(Feed.ENERGY, coalGj).ok()).isTrue();
    rejected(Feed.ENERGY, coalGj, RejectReason.UNIT_MISMATCH);
    // A carrier the configuration does not know accepts no unit.
    Decoded d = coalInGj.decode(Feed.ENERGY, SampleLines.METER.line());
    assertThat(d.rejected().reason).isEqualTo("unit_mismatch");
    assertThat(d.rejected().message).contains("none configured");
  }

  @Test
  void defaultUnitsAreTheDocumentedOnes() {
    assertThat(FeedDecoder.defaultUnits()).isEqualTo(Map.of(
        EnergyCarrier.ELECTRICITY, Set.of(EnergyUnit.KWH),
        EnergyCarrier.NATURAL_GAS, Set.of(EnergyUnit.M3),
        EnergyCarrier.COAL, Set.of(EnergyUnit.T),
        EnergyCarrier.STEAM, Set.of(EnergyUnit.GJ, EnergyUnit.T),
        EnergyCarrier.DIESEL, Set.of(EnergyUnit.T),
        EnergyCarrier.HEAT, Set.of(EnergyUnit.GJ)));
  }

  // ---- order of checks

  @Test
  void theFirstFailingCheckDecides() {
    // Bad kind and bad uscc: kind first.
    String line = with(SampleLines.VAT_RETURN, "kind", "'x'").replace(USCC, "bad");
    rejected(Feed.TAX, line, RejectReason.UNKNOWN_KIND);
    // Bad uscc and a missing field: uscc first.
    rejected(Feed.TAX, without(SampleLines.VAT_RETURN, "sales").replace(USCC, "bad"),
        RejectReason.INVALID_USCC);
  }
}
