package io.seedbed.cli.generate;

import java.util.Map;
import java.util.TreeMap;

/** What a run wrote: line counts per feed and kind, and the injected duplicates, late and malformed lines. */
public final class GenerationSummary {
  private final Map<String, Map<String, Long>> valid = new TreeMap<>();
  private final Map<String, Map<String, Long>> malformed = new TreeMap<>();
  private final Map<String, Long> duplicates = new TreeMap<>();
  private final Map<String, Long> late = new TreeMap<>();

  void countValid(String feed, String kind) {
    valid.computeIfAbsent(feed, f -> new TreeMap<>()).merge(kind, 1L, Long::sum);
  }

  void countMalformed(String feed, String defect) {
    malformed.computeIfAbsent(feed, f -> new TreeMap<>()).merge(defect, 1L, Long::sum);
  }

  void countDuplicate(String feed) {
    duplicates.merge(feed, 1L, Long::sum);
  }

  void countLate(String feed) {
    late.merge(feed, 1L, Long::sum);
  }

  /** Valid lines (duplicates excluded) of a feed and kind. */
  public long valid(String feed, String kind) {
    return valid.getOrDefault(feed, Map.of()).getOrDefault(kind, 0L);
  }

  /** Deliberately malformed lines of a feed. */
  public long malformed(String feed) {
    return malformed.getOrDefault(feed, Map.of()).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Exact duplicate lines of a feed. */
  public long duplicates(String feed) {
    return duplicates.getOrDefault(feed, 0L);
  }

  /** Lines of a feed delivered after later-dated lines (out of order). */
  public long late(String feed) {
    return late.getOrDefault(feed, 0L);
  }

  /** All lines of a feed as written to its file. */
  public long lines(String feed) {
    long sum = valid.getOrDefault(feed, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    return sum + malformed(feed) + duplicates(feed);
  }

  /** A plain-text table, one line per feed and kind. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (String feed : valid.keySet()) {
      sb.append(feed).append(".jsonl: ").append(lines(feed)).append(" lines\n");
      valid.get(feed).forEach((kind, n) -> sb.append("  ").append(kind).append(": ").append(n).append('\n'));
      sb.append("  (exact duplicates: ").append(duplicates(feed))
          .append(", delivered late: ").append(late(feed))
          .append(", malformed: ").append(malformed(feed));
      Map<String, Long> defects = malformed.get(feed);
      if (defects != null) {
        sb.append(' ').append(defects);
      }
      sb.append(")\n");
    }
    return sb.toString();
  }
}
