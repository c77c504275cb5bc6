package io.seedbed.feed;

/** The outcome of decoding one line: exactly one of a {@link FeedRecord} or a {@link RejectedRecord}. */
public final class Decoded {
  private final FeedRecord record;
  private final RejectedRecord rejected;

  private Decoded(FeedRecord record, RejectedRecord rejected) {
    this.record = record;
    this.rejected = rejected;
  }

  public static Decoded accepted(FeedRecord record) {
    if (record == null) {
      throw new IllegalArgumentException("record is null");
    }
    return new Decoded(record, null);
  }

  public static Decoded rejection(RejectedRecord rejected) {
    if (rejected == null) {
      throw new IllegalArgumentException("rejected is null");
    }
    return new Decoded(null, rejected);
  }

  /** Whether the line became a record. */
  public boolean ok() {
    return record != null;
  }

  /** The decoded record, or null if the line was rejected. */
  public FeedRecord record() {
    return record;
  }

  /** The rejection, or null if the line became a record. */
  public RejectedRecord rejected() {
    return rejected;
  }

  @Override
  public String toString() {
    return ok() ? "Decoded{" + record + "}" : "Decoded{" + rejected + "}";
  }
}
