package io.seedbed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.Decoded;
import io.seedbed.feed.Feed;
import io.seedbed.feed.FeedDecoder;
import io.seedbed.feed.FeedRecord;
import io.seedbed.pool.PoolChange;
import io.seedbed.testing.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BATCH input reaches the enterprise processor sorted by key and event time, but records that share
 * an event time come in any order (the sort is not stable across sources and parallel readers).
 * Pool changes must not depend on that order.
 *
 * <p>The case is a real one from the shipped samples, found by CI: enterprise
 * {@value #FIRM} has a bank rating (credit score 87.8) and two meter readings all dated
 * 2026-09-30. At that instant it leaves the unicorn candidate pool. Deciding after each record
 * would record a credit score of 89.9 (the previous rating) or 87.8, depending on which record
 * came first.
 */
class SameInstantOrderTest {
  static final String FIRM = "91371102MAGJ003B2A";

  static List<FeedRecord> firm;

  @BeforeAll
  static void readSamples() throws Exception {
    FeedDecoder decoder = new FeedDecoder(Clock.fixed(EnterpriseOperator.NOW, ZoneOffset.UTC));
    firm = new ArrayList<>();
    for (Feed feed : Feed.DATA) {
      for (String line : Files.readAllLines(ProjectFiles.path("samples").resolve(feed.id() + ".jsonl"),
          StandardCharsets.UTF_8)) {
        Decoded d = decoder.decode(feed, line);
        if (d.ok() && d.record().uscc().equals(FIRM)) {
          firm.add(d.record());
        }
      }
    }
  }

  /** Sorted by event time, as the BATCH sort delivers; ties kept in file order or reversed. */
  static List<FeedRecord> inEventTimeOrder(boolean tiesReversed) {
    List<FeedRecord> sorted = new ArrayList<>(firm);
    if (tiesReversed) {
      Collections.reverse(sorted);
    }
    sorted.sort(Comparator.comparing(FeedRecord::eventTime)); // stable
    return sorted;
  }

  static List<String> poolChanges(boolean batch, List<FeedRecord> records) throws Exception {
    try (EnterpriseOperator op = new EnterpriseOperator(batch)) {
      op.feed(records);
      op.watermark(Long.MAX_VALUE); // the end of input (BATCH: of this enterprise's records)
      return op.poolChanges().stream().map(SameInstantOrderTest::row).toList();
    }
  }

  static String row(PoolChange c) {
    return c.changeId + " " + c.pool + " " + c.fromStatus + "->" + c.toStatus + " " + c.reason
        + " " + c.eventTime + " " + c.ruleSet + "/" + c.ruleVersion + " " + c.criteria;
  }

  @Test
  void theSamplesHaveSameDayRecordsForThisFirm() {
    List<FeedRecord> sorted = inEventTimeOrder(false);
    long ties = 0;
    for (int i = 1; i < sorted.size(); i++) {
      ties += sorted.get(i).eventTime().equals(sorted.get(i - 1).eventTime()) ? 1 : 0;
    }
    assertThat(ties).as("records sharing an event time with the one before").isGreaterThan(10);
  }

  @Test
  void batchDecisionsDoNotDependOnTheOrderOfRecordsThatShareAnEventTime() throws Exception {
    List<String> fileOrder = poolChanges(true, inEventTimeOrder(false));
    List<String> reversed = poolChanges(true, inEventTimeOrder(true));
    assertThat(fileOrder).hasSizeGreaterThan(5).isEqualTo(reversed);
    // The exit on 2026-09-30 (00:00 in China) is decided with every fact of that day, the bank
    // rating of that day included.
    assertThat(fileOrder).filteredOn(r -> r.contains(" unicorn candidate->exited "))
        .singleElement().satisfies(r -> assertThat(r)
            .contains("2026-09-29T16:00:00Z")
            .contains("{\"name\":\"credit_score\",\"value\":87.8,\"threshold\":73.0,\"passed\":true}"));
  }

  /** Why BATCH decides once per instant: per-record decisions differ for this firm. */
  @Test
  void perRecordDecisionsWouldDependOnThatOrder() throws Exception {
    assertThat(poolChanges(false, inEventTimeOrder(false)))
        .isNotEqualTo(poolChanges(false, inEventTimeOrder(true)));
  }
}
