package io.seedbed.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.FeedTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The int and offset arithmetic of ChinaCalendar and Months gives exactly what java.time gives. */
class ChinaCalendarTest {
  private static final long FROM = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
  private static final long TO = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

  @Test
  void plusYearsAndDatesMatchJavaTimeInChina() {
    Random rnd = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      Instant t = Instant.ofEpochSecond(FROM + (long) (rnd.nextDouble() * (TO - FROM)),
          rnd.nextInt(4) == 0 ? rnd.nextInt(1_000_000_000) : 0);
      int years = rnd.nextInt(41) - 20;
      assertThat(ChinaCalendar.plusYears(t, years)).as("%s %+d years", t, years)
          .isEqualTo(t.atZone(FeedTime.ZONE).plusYears(years).toInstant());
      assertThat(ChinaCalendar.dateOf(t)).as("%s", t).isEqualTo(FeedTime.dateOf(t));
    }
  }

  @Test
  void edgeCases() {
    for (String s : new String[] {"1991-12-31T15:59:59Z", "1991-12-31T16:00:00Z", "1991-09-14T15:00:00Z",
        "2024-02-29T00:00:00Z", "2024-02-28T16:00:00Z", "2023-02-28T16:30:00Z", "1993-02-28T16:00:00Z"}) {
      Instant t = Instant.parse(s);
      for (int years = -3; years <= 3; years++) {
        assertThat(ChinaCalendar.plusYears(t, years)).as("%s %+d", t, years)
            .isEqualTo(t.atZone(FeedTime.ZONE).plusYears(years).toInstant());
      }
      assertThat(ChinaCalendar.dateOf(t)).isEqualTo(FeedTime.dateOf(t));
    }
  }

  @Test
  void monthArithmeticMatchesYearMonth() {
    for (YearMonth m = YearMonth.of(1990, 1); m.isBefore(YearMonth.of(2040, 1)); m = m.plusMonths(1)) {
      for (int n = -50; n <= 50; n++) {
        assertThat(Months.plus(Months.of(m), n)).isEqualTo(Months.of(m.plusMonths(n)));
      }
      assertThat(Months.ofEpochDay(m.atDay(1).toEpochDay())).isEqualTo(Months.of(m));
      assertThat(Months.ofEpochDay(m.atEndOfMonth().toEpochDay())).isEqualTo(Months.of(m));
      assertThat(Months.text(Months.of(m))).isEqualTo(m.toString());
    }
    assertThat(Months.of(LocalDate.of(2025, 1, 15))).isEqualTo(202501);
  }
}
