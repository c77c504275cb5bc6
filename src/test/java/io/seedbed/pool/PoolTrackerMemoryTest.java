package io.seedbed.pool;

import static io.seedbed.pool.Fixtures.RULES;
import static io.seedbed.pool.Fixtures.SETTINGS;
import static io.seedbed.pool.Fixtures.day;
import static io.seedbed.pool.Fixtures.firm;
import static io.seedbed.pool.Fixtures.majorSafetyAccident;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.indicator.Indicators;
import io.seedbed.rule.PoolVerdict;
import io.seedbed.rule.RuleEngine;
import io.seedbed.rule.RuleSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;
import org.junit.jupiter.api.Test;

/**
 * What the tracker remembers on the heap between evaluations (PoolState's transient fields) only
 * spares work: a state that went through Flink's serializer before every evaluation (as after a
 * restore, or a copy-on-write copy) emits the same rows and ends in the same state.
 */
class PoolTrackerMemoryTest {
  private static final TypeSerializer<EnterprisePools> SERIALIZER =
      TypeInformation.of(EnterprisePools.class).createSerializer(new SerializerConfigImpl());

  @Test
  void aStateCopiedBeforeEveryEvaluationBehavesTheSame() throws IOException {
    Random random = new Random(7);
    EnterprisePools kept = new EnterprisePools();
    EnterprisePools copied = new EnterprisePools();
    Instant at = day("2024-01-05");
    List<String> rows = new ArrayList<>();
    for (int step = 0; step < 400; step++) {
      at = at.plus(Duration.ofDays(1 + random.nextInt(6)));
      Indicators in = wobbling(at, random);
      RuleSet rs = RULES.inForce(at);
      List<PoolVerdict> verdicts = RuleEngine.evaluate(in, rs);
      PoolOutputs expected = PoolTracker.evaluate(kept, in, verdicts, rs, at, false, SETTINGS);
      copied = SERIALIZER.copy(copied);
      PoolOutputs actual = PoolTracker.evaluate(copied, in, verdicts, rs, at, false, SETTINGS);
      assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
      assertThat(bytes(copied)).isEqualTo(bytes(kept));
      expected.memberships.forEach(m -> rows.add(m.pool + " " + m.status));
      expected.candidates.forEach(c -> rows.add(c.pool + " candidate " + c.deleted));
    }
    // The walk went through members, candidates, deletions and suspensions.
    assertThat(rows).contains("srdi member", "srdi exited", "innovative suspended",
        "scale_up member", "scale_up candidate", "scale_up candidate false",
        "scale_up candidate true");
  }

  /**
   * As each record finds a state read from RocksDB: its criteria texts, membership and candidate
   * rows are recognised by their prints, so an evaluation that changes nothing renders nothing
   * (the texts are the instances read back) and writes nothing.
   */
  @Test
  void aStateReadBackWhoseRowsDidNotChangeRendersAndWritesNothing() throws IOException {
    Instant at = day("2025-06-10");
    RuleSet rs = RULES.inForce(at);
    EnterprisePools first = new EnterprisePools();
    for (String level : List.of("C", "B")) { // gazelle: candidate, then member
      Indicators in = gazelleButTaxCredit(level, at);
      PoolTracker.evaluate(first, in, RuleEngine.evaluate(in, rs), rs, at, false, SETTINGS);
    }
    EnterprisePools back = readBack(first);
    assertThat(back.pools).containsKey("gazelle");
    assertThat(back.pools.values()).allSatisfy(ps -> {
      assertThat(ps.criteriaPrint).isNotZero();
      assertThat(ps.membershipPrint).isNotZero();
    });
    java.util.Map<String, byte[]> texts = new java.util.HashMap<>();
    back.pools.forEach((pool, ps) -> texts.put(pool, ps.criteriaUtf8));

    Instant later = at.plus(Duration.ofDays(3));
    Indicators same = gazelleButTaxCredit("B", later);
    PoolOutputs out = PoolTracker.evaluate(back, same, RuleEngine.evaluate(same, rs), rs, later,
        false, SETTINGS);
    assertThat(out.isEmpty()).isTrue();
    back.pools.forEach((pool, ps) -> {
      assertThat(ps.criteriaUtf8).as(pool).isSameAs(texts.get(pool));
      assertThat(ps.rendered).as(pool).isNull();
    });

    // A value that moves is rendered and written, read back or not.
    Indicators moved = gazelleButTaxCredit("B", later);
    moved.debtRatio = 0.55;
    EnterprisePools again = readBack(back);
    PoolOutputs changed = PoolTracker.evaluate(again, moved, RuleEngine.evaluate(moved, rs), rs,
        later, false, SETTINGS);
    assertThat(changed.memberships).extracting(m -> m.pool).contains("gazelle");
    assertThat(again.pools.get("gazelle").criteria()).contains("\"value\":0.55");
  }

  /** A state written before the prints kept its criteria as a String and no prints. */
  @Test
  void aStateFromBeforeThePrintsWritesNothingNewAndMovesItsTextToUtf8() throws IOException {
    Instant at = day("2025-06-10");
    RuleSet rs = RULES.inForce(at);
    Indicators in = gazelleButTaxCredit("B", at);
    EnterprisePools kept = new EnterprisePools();
    PoolTracker.evaluate(kept, in, RuleEngine.evaluate(in, rs), rs, at, false, SETTINGS);
    EnterprisePools old = readBack(kept);
    java.util.Map<String, String> texts = new java.util.HashMap<>();
    old.pools.forEach((pool, ps) -> {
      texts.put(pool, ps.criteria());
      ps.criteria = ps.criteria();
      ps.criteriaUtf8 = null;
      ps.criteriaPrint = 0;
      ps.membershipPrint = 0;
      ps.candidatePrint = 0;
    });
    old = readBack(old);
    assertThat(old.pools.get("gazelle").criteria()).isEqualTo(texts.get("gazelle"));

    PoolOutputs out = PoolTracker.evaluate(old, in, RuleEngine.evaluate(in, rs), rs, at, false,
        SETTINGS);
    assertThat(out.isEmpty()).isTrue(); // the rows' hashes still match
    old.pools.forEach((pool, ps) -> {
      assertThat(ps.criteria).isNull();
      assertThat(new String(ps.criteriaUtf8, java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(texts.get(pool));
      assertThat(ps.criteriaPrint).isNotZero();
    });
    assertThat(bytes(old)).isEqualTo(bytes(readBack(kept)));
  }

  private static EnterprisePools readBack(EnterprisePools state) throws IOException {
    return SERIALIZER.deserialize(new org.apache.flink.core.memory.DataInputViewStreamWrapper(
        new java.io.ByteArrayInputStream(bytes(state))));
  }

  @Test
  void aGapThatOnlyChangesItsTextRewritesTheCandidateRow() {
    EnterprisePools st = new EnterprisePools();
    Instant at = day("2025-06-10");
    assertThat(candidates(st, gazelleButTaxCredit("C", at), at)).singleElement()
        .satisfies(c -> assertThat(c.gaps).contains("\"value\":\"C\""));
    // Same potential, met and total: only the gap's value differs, and the row says so.
    assertThat(candidates(st, gazelleButTaxCredit("D", at), at)).singleElement()
        .satisfies(c -> assertThat(c.gaps).contains("\"value\":\"D\""));
    assertThat(candidates(st, gazelleButTaxCredit("D", at), at)).isEmpty();
  }

  private static List<CandidateRow> candidates(EnterprisePools st, Indicators in, Instant at) {
    RuleSet rs = RULES.inForce(at);
    PoolOutputs out = PoolTracker.evaluate(st, in, RuleEngine.evaluate(in, rs), rs, at, false,
        SETTINGS);
    return out.candidates.stream().filter(c -> c.pool.equals("gazelle")).toList();
  }

  /** A Shandong 瞪羚 in every respect but the city gate on tax credit (not C or D). */
  private static Indicators gazelleButTaxCredit(String level, Instant at) {
    Indicators in = firm(at);
    in.industry = "C3311";
    in.industrySection = "industry";
    in.legalPerson = true;
    in.yearsRegistered = 5.0;
    in.certifications = new TreeSet<>(Set.of("ISO9001"));
    in.listingStage = "none";
    in.taxCreditLevel = level;
    in.onAbnormalOperationList = false;
    in.onSeriousDishonestyList = false;
    in.onDishonestDebtorList = false;
    in.productTags = new TreeSet<>(Set.of("strategic_emerging"));
    in.operatingRevenueLastYear = 50_000_000.0;
    in.revenueGrowthMin2y = 0.22;
    in.rdIntensityLastYear = 0.06;
    in.rdIntensityPrevYear = 0.055;
    in.inventionPatents = 3;
    in.debtRatio = 0.50;
    in.creditScore = 80.0;
    return in;
  }

  /** A firm around the srdi and scale_up thresholds, its figures moving at random from one record to the next. */
  private static Indicators wobbling(Instant at, Random random) {
    Indicators in = firm(at);
    in.legalPerson = true;
    in.industrySection = "industry";
    in.yearsRegistered = 2 + (at.getEpochSecond() - day("2024-01-01").getEpochSecond()) / 3.15e7;
    in.yearsInNiche = in.yearsRegistered - 0.5;
    in.certifications = new TreeSet<>(random.nextInt(8) == 0 ? Set.of() : Set.of("ISO9001"));
    in.productTags = new TreeSet<>(Set.of("key_chain"));
    in.rdInstitution = "provincial";
    in.digitalLevel = 3;
    in.ownBrand = true;
    in.listingStage = "none";
    in.operatingRevenueLastYear = 9e6 + random.nextInt(4) * 1e6;
    in.mainBusinessShare = 0.85;
    in.mainRevenueGrowthAvg2y = 0.12;
    in.netMargin = 0.11;
    in.debtRatio = 0.4;
    in.rdExpenseLastYear = 1.2e6;
    in.rdIntensityLastYear = 0.026 + random.nextInt(3) * 0.003;
    in.rdIntensityPrevYear = 0.025;
    in.salesGrowthYoy = 0.1;
    in.salesTtm = 11e6 + random.nextInt(6) * 1.5e6; // scale_up: far, near, member
    in.class1Ip = 1 + random.nextInt(2);
    in.highValueClass1Ip = 1;
    in.taxCreditLevel = random.nextInt(10) == 0 ? "C" : "B";
    in.creditScore = 80.0;
    in.onAbnormalOperationList = false;
    in.onSeriousDishonestyList = false;
    in.onDishonestDebtorList = false;
    if (random.nextInt(40) == 0 || at.isAfter(day("2025-02-01")) && at.isBefore(day("2025-03-01"))) {
      in.incidents.add(majorSafetyAccident("acc-" + at.getEpochSecond() / 86_400 / 100, at));
    }
    return in;
  }

  private static byte[] bytes(EnterprisePools state) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SERIALIZER.serialize(state, new DataOutputViewStreamWrapper(out));
    return out.toByteArray();
  }
}
