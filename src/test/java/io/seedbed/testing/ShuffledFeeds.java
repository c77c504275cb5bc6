package io.seedbed.testing;

import io.seedbed.feed.Feed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A feeds folder with the same facts in another order: each feed's lines, with a share of them
 * delivered twice, shuffled and split over {@code parts} files in {@code FEED/}, so that feeds and
 * enterprises reach the job in an order unlike the original files.
 */
public final class ShuffledFeeds {
  private ShuffledFeeds() {}

  /**
   * Writes {@code out} from the feeds in {@code city}.
   *
   * @param redeliveryPercent lines added again (picked at random), as a share of each feed's lines
   */
  public static Path write(Path city, Path out, Random random, int parts, int redeliveryPercent)
      throws IOException {
    for (Feed feed : Feed.DATA) {
      List<String> lines = new ArrayList<>(Files.readAllLines(city.resolve(feed.id() + ".jsonl"),
          StandardCharsets.UTF_8));
      int originals = lines.size();
      for (int i = 0; i < originals * redeliveryPercent / 100; i++) {
        lines.add(lines.get(random.nextInt(originals)));
      }
      Collections.shuffle(lines, random);
      Path dir = out.resolve(feed.id());
      Files.createDirectories(dir);
      for (int p = 0; p < parts; p++) {
        Files.write(dir.resolve("part-" + p + ".jsonl"),
            lines.subList(p * lines.size() / parts, (p + 1) * lines.size() / parts),
            StandardCharsets.UTF_8);
      }
    }
    return out;
  }
}
