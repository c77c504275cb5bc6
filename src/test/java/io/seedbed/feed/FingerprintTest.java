package io.seedbed.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  @Test
  void sequencesThatReadAlikeAsTextStillDiffer() {
    assertThat(new Fingerprint().add("ab").add("c").value())
        .isNotEqualTo(new Fingerprint().add("a").add("bc").value());
    assertThat(new Fingerprint().add((String) null).value())
        .isNotEqualTo(new Fingerprint().add("").value());
    assertThat(new Fingerprint().add((Double) null).value())
        .isNotEqualTo(new Fingerprint().add(0.0).value());
    assertThat(new Fingerprint().add(0.0).value()).isNotEqualTo(new Fingerprint().add(-0.0).value());
    assertThat(new Fingerprint().add(Double.NaN).value())
        .isEqualTo(new Fingerprint().add(Double.longBitsToDouble(0x7ff8000000000001L)).value());
    assertThat(new Fingerprint().add(Instant.ofEpochSecond(5, 1)).value())
        .isNotEqualTo(new Fingerprint().add(Instant.ofEpochSecond(5, 2)).value());
    assertThat(new Fingerprint().add("东").value()).isNotEqualTo(new Fingerprint().add("丠").value());
    // Four chars to a word: the length keeps a short last word apart from a longer string.
    assertThat(new Fingerprint().add("abcd").add("e").value())
        .isNotEqualTo(new Fingerprint().add("abcde").add("").value());
    assertThat(new Fingerprint().add("abc").value())
        .isNotEqualTo(new Fingerprint().add("abc\0").value());
    for (String s : new String[] {"abcd", "abcde", "abcdefgh", "abcdefghi"}) {
      String last = s.substring(0, s.length() - 1) + "z";
      assertThat(new Fingerprint().add(s).value()).as(s)
          .isNotEqualTo(new Fingerprint().add(last).value());
    }
  }

  @Test
  void theSameValuesGiveTheSamePrintAndNearValuesDistinctOnes() {
    Set<Long> prints = new HashSet<>();
    for (int n = 0; n < 100_000; n++) {
      // Near neighbours: one decimal step of a value, one letter of a code.
      double value = n / 100.0;
      String code = "C" + (n % 1000);
      long print = new Fingerprint().add(code).add(value).add(n % 7 == 0).value();
      assertThat(new Fingerprint().add(new String(code)).add(value)
          .add(n % 7 == 0).value()).isEqualTo(print);
      assertThat(print).isNotZero();
      prints.add(print);
    }
    assertThat(prints).hasSize(100_000);
  }
}
