package io.seedbed.pool;

import static io.seedbed.pool.Fixtures.SETTINGS;
import static io.seedbed.pool.Fixtures.USCC;
import static io.seedbed.pool.Fixtures.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.Title;
import io.seedbed.feed.TitleAction;
import io.seedbed.feed.TitleEvent;
import org.junit.jupiter.api.Test;

class RewardLedgerTest {
  @Test
  void aNewLittleGiantGetsOneMillionYuan() {
    RewardRow r = RewardLedger.rewardFor(
        new TitleEvent(USCC, Title.LITTLE_GIANT, TitleAction.GRANTED, day("2025-07-01"), null), SETTINGS);
    RewardRow expected = new RewardRow();
    expected.uscc = USCC;
    expected.title = "little_giant";
    expected.grantedAt = day("2025-07-01");
    expected.amount = 1_000_000;
    expected.policy = "日政办字〔2022〕10号 三(一)2: 对新获得认定的专精特新“小巨人”企业给予最高100万元一次性奖励";
    assertThat(r).usingRecursiveComparison().isEqualTo(expected);
  }

  @Test
  void everyRewardedTitleHasThePlanAmount() {
    assertThat(amount(Title.UNICORN)).isEqualTo(3_000_000.0);
    assertThat(amount(Title.CHAMPION_NATIONAL)).isEqualTo(2_000_000.0);
    assertThat(amount(Title.CHAMPION_PROVINCIAL)).isEqualTo(500_000.0);
    assertThat(amount(Title.GAZELLE_PROVINCIAL)).isEqualTo(300_000.0);
    assertThat(amount(Title.SRDI_PROVINCIAL)).isEqualTo(200_000.0);
  }

  @Test
  void revocationsExpiriesAndUnrewardedTitlesGetNothing() {
    assertThat(RewardLedger.rewardFor(new TitleEvent(USCC, Title.UNICORN, TitleAction.REVOKED,
        day("2025-07-01"), null), SETTINGS)).isNull();
    assertThat(RewardLedger.rewardFor(new TitleEvent(USCC, Title.UNICORN, TitleAction.EXPIRED,
        day("2025-07-01"), null), SETTINGS)).isNull();
    assertThat(RewardLedger.rewardFor(new TitleEvent(USCC, Title.SRDI_CITY, TitleAction.GRANTED,
        day("2025-07-01"), null), SETTINGS)).isNull();
  }

  private static double amount(Title t) {
    return RewardLedger.rewardFor(new TitleEvent(USCC, t, TitleAction.GRANTED, day("2025-07-01"), null),
        SETTINGS).amount;
  }
}
