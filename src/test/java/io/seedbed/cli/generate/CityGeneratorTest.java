package io.seedbed.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedbed.feed.Json;
import io.seedbed.feed.Uscc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityGeneratorTest {
  private static final String[] FEEDS = {"tax", "credit", "energy", "patent", "registry"};
  private static final YearMonth FROM = YearMonth.of(2025, 1);
  private static final YearMonth TO = YearMonth.of(2025, 12);
  private static final OffsetDateTime END = OffsetDateTime.parse("2025-12-31T23:59:59+08:00");

  /**
   * Required fields per kind (contract/feeds.md) with their JSON type: s string, n non-negative
   * number, z signed number, i non-negative integer, b boolean, m month, d date, t instant.
   */
  private static final Map<String, Map<String, String>> REQUIRED = Map.ofEntries(
      Map.entry("tax/vat_return", Map.of("period", "m", "sales", "n", "taxPaid", "n", "filedAt", "t")),
      Map.entry("tax/annual_return", Map.of("year", "i", "operatingRevenue", "n", "mainBusinessRevenue", "n",
          "netProfit", "z", "totalAssets", "n", "totalLiabilities", "n", "rdExpense", "n", "employees", "i",
          "rdStaff", "i", "filedAt", "t")),
      Map.entry("tax/credit_rating", Map.of("year", "i", "level", "s", "publishedAt", "t")),
      Map.entry("tax/violation", Map.of("caseId", "s", "category", "s", "decidedAt", "t")),
      Map.entry("credit/penalty", Map.of("caseId", "s", "category", "s", "severity", "s", "decidedAt", "t")),
      Map.entry("credit/accident", Map.of("caseId", "s", "category", "s", "severity", "s", "occurredAt", "t")),
      Map.entry("credit/listing", Map.of("list", "s", "action", "s", "at", "t")),
      Map.entry("credit/bank", Map.of("asOf", "d", "overdueDays", "i")),
      Map.entry("credit/falsification", Map.of("caseId", "s", "at", "t")),
      Map.entry("energy/meter", Map.of("carrier", "s", "amount", "n", "unit", "s", "from", "d", "to", "d")),
      Map.entry("patent/ip_event", Map.of("ipNo", "s", "ipType", "s", "event", "s", "at", "t")),
      Map.entry("registry/profile", Map.of("at", "t")),
      Map.entry("registry/title", Map.of("title", "s", "action", "s", "at", "t")),
      Map.entry("registry/financing", Map.of("amount", "n", "qualifiedInvestor", "b", "at", "t")),
      Map.entry("registry/award", Map.of("level", "s", "rank", "i", "at", "t")));

  @TempDir
  static Path tmp;
  private static Path city;
  private static GenerationSummary summary;

  @BeforeAll
  static void generateSmallCity() throws IOException {
    city = tmp.resolve("city-a");
    summary = new CityGenerator(50, FROM, TO, 7).generate(city);
  }

  @Test
  void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws Exception {
    Path again = tmp.resolve("city-a-again");
    new CityGenerator(50, FROM, TO, 7).generate(again);
    Path other = tmp.resolve("city-b");
    new CityGenerator(50, FROM, TO, 8).generate(other);
    for (String feed : FEEDS) {
      assertThat(sha256(again.resolve(feed + ".jsonl"))).as(feed).isEqualTo(sha256(city.resolve(feed + ".jsonl")));
      assertThat(sha256(other.resolve(feed + ".jsonl"))).as(feed).isNotEqualTo(sha256(city.resolve(feed + ".jsonl")));
    }
    assertThat(Files.exists(city.resolve(".generate-tmp"))).isFalse();
  }

  @Test
  void everyLineIsValidExceptTheDeliberatelyMalformedOnes() throws IOException {
    long lines = 0;
    long invalid = 0;
    long malformed = 0;
    for (String feed : FEEDS) {
      List<String> all = Files.readAllLines(city.resolve(feed + ".jsonl"), StandardCharsets.UTF_8);
      assertThat(all).as(feed).isNotEmpty();
      assertThat(all.size()).as(feed).isEqualTo(summary.lines(feed));
      for (String line : all) {
        if (problem(feed, line) != null) {
          invalid++;
        }
      }
      lines += all.size();
      malformed += summary.malformed(feed);
    }
    assertThat(invalid).isEqualTo(malformed);
    assertThat((double) malformed / lines).isBetween(0.002, 0.01);
  }

  @Test
  void everyLivingFirmFilesVatForEveryMonth() throws IOException {
    Map<String, LocalDate> registered = new HashMap<>();
    Set<String> deregistered = new HashSet<>();
    Set<String> filed = new HashSet<>();
    for (String line : Files.readAllLines(city.resolve("registry.jsonl"))) {
      JsonNode n = parse(line);
      if (n != null && problem("registry", line) == null && n.path("kind").asText().equals("profile")) {
        if (n.has("registeredAt")) {
          registered.put(n.get("uscc").asText(), LocalDate.parse(n.get("registeredAt").asText()));
        }
        if (n.has("status") && !n.get("status").asText().equals("active")) {
          deregistered.add(n.get("uscc").asText());
        }
      }
    }
    for (String line : Files.readAllLines(city.resolve("tax.jsonl"))) {
      JsonNode n = parse(line);
      if (n != null && problem("tax", line) == null && n.path("kind").asText().equals("vat_return")) {
        filed.add(n.get("uscc").asText() + "|" + n.get("period").asText());
      }
    }
    assertThat(registered).hasSize(50);
    int checked = 0;
    for (Map.Entry<String, LocalDate> firm : registered.entrySet()) {
      if (deregistered.contains(firm.getKey())) {
        continue;
      }
      YearMonth first = YearMonth.from(firm.getValue());
      // Filings in the range's months: the returns for Dec 2024 (filed Jan 2025) to Nov 2025.
      for (YearMonth p = FROM.minusMonths(1); p.isBefore(TO); p = p.plusMonths(1)) {
        if (!p.isBefore(first)) {
          assertThat(filed).contains(firm.getKey() + "|" + p);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(45 * 12);
  }

  @Test
  void badArgumentsExitWithCodeTwoAndUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(GenerateCommand.run(new String[] {"--enterprises", "10", "--from", "2025-01"}, out, errStream)).isEqualTo(2);
    assertThat(GenerateCommand.run(new String[] {"--enterprises", "ten", "--from", "2025-01", "--to", "2025-02",
        "--out", tmp.toString()}, out, errStream)).isEqualTo(2);
    assertThat(GenerateCommand.run(new String[] {"--enterprises", "10", "--from", "2025-03", "--to", "2025-02",
        "--out", tmp.toString()}, out, errStream)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: seedbed generate").contains("--to 2025-02 is before");
  }

  /** Why a line breaks the contract, or null if it is valid. */
  private static String problem(String feed, String line) {
    JsonNode n = parse(line);
    if (n == null || !n.isObject()) {
      return "malformed json";
    }
    Map<String, String> fields = REQUIRED.get(feed + "/" + n.path("kind").asText());
    if (fields == null) {
      return "unknown kind";
    }
    if (!n.path("uscc").isTextual() || !Uscc.isValid(n.get("uscc").asText())) {
      return "uscc";
    }
    for (Map.Entry<String, String> f : fields.entrySet()) {
      JsonNode v = n.get(f.getKey());
      if (v == null || v.isNull()) {
        return "missing " + f.getKey();
      }
      String err = switch (f.getValue()) {
        case "s" -> v.isTextual() ? null : "type";
        case "b" -> v.isBoolean() ? null : "type";
        case "z" -> v.isNumber() ? null : "type";
        case "n" -> !v.isNumber() ? "type" : v.asDouble() < 0 ? "negative" : null;
        case "i" -> !v.isIntegralNumber() ? "type" : v.asLong() < 0 ? "negative" : null;
        case "m" -> v.isTextual() && v.asText().matches("\\d{4}-\\d{2}") ? null : "month";
        case "d" -> v.isTextual() && !LocalDate.parse(v.asText()).isAfter(END.toLocalDate()) ? null : "date";
        case "t" -> v.isTextual() && !OffsetDateTime.parse(v.asText()).isAfter(END) ? null : "instant";
        default -> "bad fixture";
      };
      if (err != null) {
        return f.getKey() + ": " + err;
      }
    }
    return null;
  }

  private static JsonNode parse(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (IOException e) {
      return null;
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
