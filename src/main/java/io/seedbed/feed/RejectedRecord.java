package io.seedbed.feed;

import java.time.Instant;

/**
 * A record that could not be accepted: the {@code rejected_record} output. Nothing the feeds send is
 * dropped silently; it either becomes a {@link FeedRecord} or one of these.
 */
public class RejectedRecord {
  /** Longest raw text kept; the rest is cut so that a hostile line cannot bloat the table. */
  public static final int MAX_RAW_CHARS = 4096;

  /** Hash of feed and raw line: the deterministic primary key. */
  public String rejectedId;
  /** The feed id ({@link Feed#id()}). */
  public String feed;
  /** A {@link RejectReason} code. */
  public String reason;
  public String message;
  /** The raw line, cut to {@link #MAX_RAW_CHARS}. */
  public String raw;
  /** When the line was read (processing time). */
  public Instant receivedAt;

  public RejectedRecord() {}

  public static RejectedRecord of(Feed feed, RejectReason reason, String message, String rawLine,
      Instant receivedAt) {
    RejectedRecord r = new RejectedRecord();
    r.feed = feed.id();
    r.reason = reason.code();
    r.message = message;
    String raw = rawLine == null ? "" : rawLine;
    r.rejectedId = Hashes.sha256Hex(r.feed + "\n" + raw);
    r.raw = raw.length() > MAX_RAW_CHARS ? raw.substring(0, MAX_RAW_CHARS) : raw;
    r.receivedAt = receivedAt;
    return r;
  }

  @Override
  public String toString() {
    return "RejectedRecord{" + feed + ", " + reason + ", " + message + "}";
  }
}
