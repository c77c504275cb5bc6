package io.seedbed.io;

/**
 * One line read from a feed, before decoding. A line longer than the reader's cap arrives
 * {@link #truncated} with only its first characters, so that a hostile 10 MB line is never held
 * in memory whole; the decoder rejects it as too long.
 */
public class RawLine {
  public String text;
  /** Length of the whole line in bytes (also when truncated). */
  public long bytes;
  public boolean truncated;

  public RawLine() {}

  public RawLine(String text, long bytes, boolean truncated) {
    this.text = text;
    this.bytes = bytes;
    this.truncated = truncated;
  }
}
