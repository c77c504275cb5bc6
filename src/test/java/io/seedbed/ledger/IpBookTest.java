package io.seedbed.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.IpEventType;
import io.seedbed.feed.IpType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The portfolio replayed straight from the packed events (a ledger read back from RocksDB for one
 * record) against the book a long-lived ledger keeps up: the same items, field for field.
 */
class IpBookTest {
  @Test
  void theDirectReplayIsTheBooksItems() {
    Random random = new Random(7);
    IpEventType[] events = IpEventType.values();
    IpType[] types = IpType.values();
    for (int round = 0; round < 200; round++) {
      TreeSet<IpEventFact> facts = new TreeSet<>(LedgerFormat.IP_EVENTS); // one per identity
      for (int k = random.nextInt(40); k > 0; k--) {
        facts.add(new IpEventFact("ZL" + random.nextInt(12), types[random.nextInt(types.length)].code(),
            events[random.nextInt(events.length)].code(),
            Instant.parse("2018-01-01T00:00:00Z").plusSeconds(86_400L * random.nextInt(3000))));
      }
      List<IpEventFact> sorted = new ArrayList<>(facts);
      List<IpItem> book = new IpBook(sorted).items();
      assertThat(IpBook.replay(sorted)).as("round %d", round).usingRecursiveFieldByFieldElementComparator()
          .containsExactlyElementsOf(book);
      assertThat(book).extracting(i -> i.ipNo).isSorted();
    }
  }
}
