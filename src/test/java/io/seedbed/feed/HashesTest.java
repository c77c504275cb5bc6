package io.seedbed.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Output keys must never change: a replay rewrites the same rows only if it computes the same keys. */
class HashesTest {
  /** An independent SHA-256, as the first version of Hashes computed it. */
  private static String reference(String text) throws Exception {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void sha256MatchesTheStandardVector() {
    assertThat(Hashes.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void aKeyIsTheFirst32HexCharactersOfTheJoinedParts() throws Exception {
    Instant at = Instant.parse("2026-04-01T16:00:00Z");
    String key = Hashes.key("91371102MAGJ003B2A", "unicorn", null, "candidate", at, "miit-2026", 1, 2L);
    assertThat(key).hasSize(32).isEqualTo(reference(
        "91371102MAGJ003B2A\u001funicorn\u001fnull\u001fcandidate\u001f2026-04-01T16:00:00Z\u001f"
            + "miit-2026\u001f1\u001f2\u001f").substring(0, 32));
    assertThat(Hashes.key("a", "ü")).isEqualTo(reference("a\u001fü\u001f").substring(0, 32));
  }

  @Test
  void threadsEachGetTheirOwnDigest() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> tasks = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        tasks.add(() -> {
          for (int i = 0; i < 2_000; i++) {
            String text = thread + "/" + i;
            if (!Hashes.sha256Hex(text).equals(reference(text))) {
              return false;
            }
          }
          return true;
        });
      }
      for (Future<Boolean> f : pool.invokeAll(tasks)) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
