package io.seedbed.pool;

import static io.seedbed.pool.Fixtures.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistrictTallyTest {
  private static DistrictProgress row(String district, String pool, int members, int candidates,
      int suspended, Integer target) {
    DistrictProgress r = new DistrictProgress();
    r.district = district;
    r.pool = pool;
    r.members = members;
    r.candidates = candidates;
    r.suspended = suspended;
    r.target = target;
    return r;
  }

  @Test
  void countsFollowTheTransitions() {
    DistrictTally tally = new DistrictTally();
    tally.apply(new Transition("371102", "srdi", null, "candidate"), SETTINGS);
    tally.apply(new Transition("371102", "srdi", null, "candidate"), SETTINGS);
    tally.apply(new Transition("371102", "srdi", "candidate", "member"), SETTINGS);
    List<DistrictProgress> last =
        tally.apply(new Transition("371102", "srdi", "member", "suspended"), SETTINGS);
    assertThat(last).singleElement().usingRecursiveComparison()
        .isEqualTo(row("371102", "srdi", 0, 1, 1, 120));
    List<DistrictProgress> exit =
        tally.apply(new Transition("371102", "srdi", "suspended", "exited"), SETTINGS);
    assertThat(exit).singleElement().usingRecursiveComparison()
        .isEqualTo(row("371102", "srdi", 0, 1, 0, 120));
  }

  @Test
  void anUnlistedOrMissingDistrictCountsAsUnknownWithoutTarget() {
    DistrictTally tally = new DistrictTally();
    tally.apply(new Transition(null, "gazelle", null, "member"), SETTINGS);
    List<DistrictProgress> rows =
        tally.apply(new Transition("110101", "gazelle", null, "member"), SETTINGS);
    assertThat(rows).singleElement().usingRecursiveComparison()
        .isEqualTo(row("unknown", "gazelle", 2, 0, 0, null));
  }

  @Test
  void exitsOfUncountedStatusesChangeNothing() {
    DistrictTally tally = new DistrictTally();
    assertThat(tally.apply(new Transition("371103", "srdi", null, "exited"), SETTINGS)).isEmpty();
    assertThat(tally.apply(new Transition("371103", "srdi", "member", "member"), SETTINGS)).isEmpty();
  }

  @Test
  void returnedRowsAreCopies() {
    DistrictTally tally = new DistrictTally();
    DistrictProgress first =
        tally.apply(new Transition("371171", "little_giant", null, "member"), SETTINGS).get(0);
    tally.apply(new Transition("371171", "little_giant", null, "member"), SETTINGS);
    assertThat(first.members).isEqualTo(1);
    assertThat(tally.rows.get("371171|little_giant").members).isEqualTo(2);
    assertThat(first.target).isEqualTo(6);
  }
}
