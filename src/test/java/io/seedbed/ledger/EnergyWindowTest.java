package io.seedbed.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The energy window summed straight from the readings (a ledger read back from RocksDB for one
 * record) against the per-month working copy a long-lived ledger keeps: the same doubles, bit for
 * bit, and the same "not every month covered".
 */
class EnergyWindowTest {
  private static final int FIRST_DAY = (int) LocalDate.of(2023, 1, 1).toEpochDay();

  @Test
  void theDirectSumIsTheWorkingCopysToTheLastBit() {
    Random random = new Random(42);
    int covered = 0;
    for (int round = 0; round < 2_000; round++) {
      List<Reading> readings = randomReadings(random);
      EnergyMonths months = new EnergyMonths(readings);
      int first = Months.plus(202301, random.nextInt(30));
      int count = 1 + random.nextInt(14);
      double[] built = new double[count];
      double[] direct = new double[count];
      boolean builtAll = months.tce(first, count, built);
      boolean directAll = EnergyMonths.tce(readings, first, count, direct);
      assertThat(directAll).as("round %d", round).isEqualTo(builtAll);
      if (builtAll) {
        covered++;
        for (int k = 0; k < count; k++) {
          assertThat(Double.doubleToLongBits(direct[k])).as("round %d month %d", round, k)
              .isEqualTo(Double.doubleToLongBits(built[k]));
        }
      }
    }
    assertThat(covered).as("rounds with every month covered").isGreaterThan(200);
  }

  @Test
  void aTwelveMonthWindowByHand() {
    // One meter, 2025-01-15 .. 2025-02-14 (31 days, 3.1 tce) and 2025-02-15 .. 2026-01-31.
    int jan15 = (int) LocalDate.of(2025, 1, 15).toEpochDay();
    int feb14 = (int) LocalDate.of(2025, 2, 14).toEpochDay();
    int feb15 = feb14 + 1;
    int jan31 = (int) LocalDate.of(2026, 1, 31).toEpochDay();
    List<Reading> readings = List.of(
        Reading.ofTce("electricity", "m1", "kWh", 1, jan15, feb14, 3.1),
        Reading.ofTce("electricity", "m1", "kWh", 1, feb15, jan31, 351.0));
    double[] tce = new double[12];
    assertThat(EnergyMonths.tce(readings, 202502, 12, tce)).isTrue();
    // February: 14 days of the first reading (3.1 × 14 / 31 = 1.4) plus 14 of the second's 351.
    assertThat(tce[0]).isEqualTo(3.1 * 14 / 31 + 351.0 * 14 / 351);
    assertThat(tce[11]).isEqualTo(351.0 * 31 / 351); // January 2026
    assertThat(EnergyMonths.tce(readings, 202503, 12, new double[12])).isFalse(); // 2026-02 uncovered
  }

  /** Readings of a few meters in identity order, gaps, overlaps and zero-day ones included. */
  private static List<Reading> randomReadings(Random random) {
    List<Reading> readings = new ArrayList<>();
    for (int meter = 0; meter < 1 + random.nextInt(3); meter++) {
      int day = FIRST_DAY + random.nextInt(60);
      while (day < FIRST_DAY + 1200) {
        int length = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(45);
        readings.add(Reading.ofTce("electricity", "m" + meter, "kWh", 1, day, day + length - 1,
            random.nextDouble() * 100));
        day += Math.max(1, length) + (random.nextInt(8) == 0 ? random.nextInt(40) : 0);
      }
    }
    readings.sort(LedgerFormat.READINGS);
    return readings;
  }
}
