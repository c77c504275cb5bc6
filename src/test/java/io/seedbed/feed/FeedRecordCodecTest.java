package io.seedbed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedbed.feed.SampleLines.Sample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FeedRecordCodecTest {
  private static final String U = SampleLines.USCC;

  static byte[] bytes(FeedRecord r) {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      FeedRecordCodec.write(r, new DataOutputStream(buf));
      return buf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FeedRecord roundTrip(FeedRecord r) {
    try {
      byte[] b = bytes(r);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
      FeedRecord back = FeedRecordCodec.read(in);
      assertThat(in.available()).as("bytes left after reading %s", r).isZero();
      return back;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<FeedRecord> records() {
    return Stream.concat(SampleLines.ALL.stream().map(Sample::expected), Stream.of(
        // Optional fields absent.
        new Penalty(U, "P-1", PenaltyCategory.TAX, Severity.MAJOR, Instant.EPOCH, null),
        new BankCredit(U, LocalDate.of(1999, 12, 31), Integer.MAX_VALUE, null),
        new MeterReading(U, EnergyCarrier.HEAT, 0.0, EnergyUnit.GJ, LocalDate.of(2025, 1, 1),
            LocalDate.of(2025, 12, 31), null),
        new TitleEvent(U, Title.CHAMPION_NATIONAL, TitleAction.EXPIRED, Instant.EPOCH, null),
        new Profile(U, Instant.parse("2025-01-01T00:00:00Z"), null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null),
        // Empty lists, false booleans, the last constant of every enum in a profile.
        new Profile(U, Instant.parse("2025-01-01T00:00:00.123456789Z"), "", LocalDate.MIN, "000000",
            "T", false, EnterpriseStatus.REVOKED, -0.0, List.of(), LocalDate.MAX, List.of(),
            RdInstitution.NONE, 4, false, ListingStage.LISTED, Double.MAX_VALUE, 1.0,
            Integer.MAX_VALUE, 100.0),
        // Unicode: Chinese, an emoji (surrogate pair), a lone surrogate, NUL, a 3-byte char.
        new Profile(U, Instant.parse("1969-12-31T23:59:59.999999999Z"), "日照港集团\uD83D\uDE80\u0000",
            null, null, null, true, null, null, List.of("ISO9001", "Ⅰ类\uD800", "\u0000\u07FF\uFFFF"),
            null, List.of(ProductTag.LEADER_SUPPLIER, ProductTag.STRATEGIC_EMERGING), null, null,
            null, null, null, null, null, null),
        // A string longer than writeUTF's 65535-byte limit.
        new Falsification(U, "案".repeat(30_000), Instant.MIN),
        new VatReturn(U, YearMonth.of(1949, 10), Double.MIN_VALUE, Double.NaN, Instant.MAX),
        new AnnualReturn(U, Integer.MIN_VALUE, 0, 0, -1e300, 0, 0, 0, 0, Integer.MAX_VALUE,
            Instant.ofEpochSecond(-1, 1)),
        new Financing(U, 0.1, false, Instant.ofEpochSecond(1, 999_999_999)),
        new Award(U, AwardLevel.NATIONAL, 1, Instant.EPOCH),
        new IpEvent(U, "ZL\t\n\"", IpType.NEW_DRUG, IpEventType.ABNORMAL, Instant.EPOCH)));
  }

  @ParameterizedTest
  @MethodSource("records")
  void everyRecordRoundTripsExactly(FeedRecord r) {
    FeedRecord back = roundTrip(r);
    assertThat(back).isEqualTo(r);
    assertThat(back.identity()).isEqualTo(r.identity());
  }

  @Test
  void everyKindHasItsOwnTag() {
    assertThat(SampleLines.ALL.stream().map(s -> bytes(s.expected())[0]).distinct().count())
        .isEqualTo(15);
  }

  @Test
  void theByteLayoutIsPinned() {
    FeedRecord r = new Falsification(U, "F-1", Instant.parse("2025-01-10T04:00:00Z"));
    String expected = "09" // tag falsification
        + "24" + HexFormat.of().formatHex(U.getBytes()) // 18 chars: zig-zag 36, then ASCII
        + "06" + "462d31" // "F-1"
        + "80ed84f80c" // 1736481600 s, zig-zag 3472963200 as a varint
        + "00"; // nanos
    assertThat(HexFormat.of().formatHex(bytes(r))).isEqualTo(expected);
  }

  @Test
  void aSampleRecordIsCompact() {
    assertThat(bytes(SampleLines.VAT_RETURN.expected())).hasSizeLessThan(50);
    assertThat(bytes(SampleLines.PROFILE.expected())).hasSizeLessThan(160);
  }

  @Test
  void manyRecordsInOneStreamReadBackInOrder() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(buf);
    List<FeedRecord> all = records().toList();
    for (FeedRecord r : all) {
      FeedRecordCodec.write(r, out);
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(buf.toByteArray()));
    for (FeedRecord r : all) {
      assertThat(FeedRecordCodec.read(in)).isEqualTo(r);
    }
    assertThat(in.available()).isZero();
  }

  @Test
  void anUnknownTagOrTruncatedInputIsAnIOException() {
    assertThatThrownBy(() -> FeedRecordCodec.read(
        new DataInputStream(new ByteArrayInputStream(new byte[] {42}))))
        .isInstanceOf(IOException.class).hasMessageContaining("42");
    byte[] b = bytes(SampleLines.METER.expected());
    byte[] cut = java.util.Arrays.copyOf(b, b.length - 3);
    assertThatThrownBy(() -> FeedRecordCodec.read(new DataInputStream(new ByteArrayInputStream(cut))))
        .isInstanceOf(EOFException.class);
  }
}
