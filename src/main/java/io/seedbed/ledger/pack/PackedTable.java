package io.seedbed.ledger.pack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Facts of one kind, sorted by identity, kept two ways: decoded on the heap for the views, and as
 * one byte array, their Flink state form (see the Ledger). Each change rewrites only the bytes of
 * the entries it touches and of the entry after them (whose form may lean on its predecessor), so
 * a record costs a few small copies, not a re-encoding of the table.
 *
 * <p>The bytes are a function of the set of facts alone (sorted, each written against the one
 * before it), so two ledgers with the same facts store the same bytes whatever the arrival order.
 * A byte array is never changed once handed out by {@link #bytes()}: each change makes a new one.
 */
public final class PackedTable<F> {
  private final Codec<F> codec;
  private final ArrayList<F> facts;
  /** The encoded length of each entry, in table order. */
  private int[] lengths;
  private byte[] bytes;
  /**
   * Where {@link #rewrite} encodes the entries it changes before splicing them in: one per thread,
   * not per table (tables are many), because a record changes an entry or two and a new sink per
   * record is garbage per record.
   */
  private static final ThreadLocal<ByteSink> SCRATCH = ThreadLocal.withInitial(() -> new ByteSink(256));

  private PackedTable(Codec<F> codec, ArrayList<F> facts, int[] lengths, byte[] bytes) {
    this.codec = codec;
    this.facts = facts;
    this.lengths = lengths;
    this.bytes = bytes;
  }

  /** The table stored in {@code bytes} (null or empty: no facts). */
  public static <F> PackedTable<F> read(Codec<F> codec, byte[] bytes) {
    ArrayList<F> facts = new ArrayList<>();
    int[] lengths = new int[8];
    if (bytes != null) {
      ByteSource in = new ByteSource(bytes);
      F prev = null;
      while (in.hasMore()) {
        int start = in.position();
        prev = codec.read(in, prev);
        if (facts.size() == lengths.length) {
          lengths = Arrays.copyOf(lengths, lengths.length * 2);
        }
        lengths[facts.size()] = in.position() - start;
        facts.add(prev);
      }
    }
    return new PackedTable<>(codec, facts, lengths, facts.isEmpty() ? null : bytes);
  }

  /** A table of {@code facts} (any order; at most one version per identity). */
  public static <F> PackedTable<F> of(Codec<F> codec, Collection<F> facts) {
    ArrayList<F> sorted = new ArrayList<>(facts);
    sorted.sort(codec);
    PackedTable<F> table = new PackedTable<>(codec, sorted, new int[Math.max(8, sorted.size())], null);
    table.encodeAll();
    return table;
  }

  /** The Flink state form: null when empty. */
  public byte[] bytes() {
    return bytes;
  }

  public int size() {
    return facts.size();
  }

  public boolean isEmpty() {
    return facts.isEmpty();
  }

  public F get(int i) {
    return facts.get(i);
  }

  public F last() {
    return facts.get(facts.size() - 1);
  }

  /** The facts in identity order; read-only. */
  public List<F> facts() {
    return Collections.unmodifiableList(facts);
  }

  /** The index of the fact with {@code probe}'s identity, or {@code -(insertion point) - 1}. */
  public int indexOf(F probe) {
    return Collections.binarySearch(facts, probe, codec);
  }

  /**
   * Puts {@code fact} in: a new identity is inserted, a known one replaced. Returns the version it
   * replaced, null if new.
   */
  public F put(F fact) {
    return put(indexOf(fact), fact);
  }

  /**
   * {@link #put(Object)} with {@code i = indexOf(fact)} already known (a caller that looked first
   * need not search twice).
   */
  public F put(int i, F fact) {
    if (i >= 0) {
      F old = facts.set(i, fact);
      rewrite(i, 1, 1);
      return old;
    }
    i = -i - 1;
    facts.add(i, fact);
    rewrite(i, 0, 1);
    return null;
  }

  /** Drops every fact {@code drop} accepts; says whether any was. */
  public boolean removeIf(Predicate<? super F> drop) {
    ByteSink out = null;
    int[] kept = null;
    int keptCount = 0;
    int offset = 0;
    boolean prevDropped = false;
    F prev = null;
    int n = facts.size();
    for (int i = 0; i < n; i++) {
      F f = facts.get(i);
      int length = lengths[i];
      if (drop.test(f)) {
        if (out == null) { // the first drop: copy what came before as it is
          out = new ByteSink(bytes.length);
          out.writeBytes(bytes, 0, offset);
          kept = Arrays.copyOf(lengths, lengths.length);
          keptCount = i;
        }
        prevDropped = true;
      } else if (out != null) {
        if (prevDropped) { // its predecessor changed: write it again against the new one
          int start = out.size();
          codec.write(out, prev, f);
          kept[keptCount] = out.size() - start;
        } else {
          out.writeBytes(bytes, offset, length);
          kept[keptCount] = length;
        }
        facts.set(keptCount++, f);
        prevDropped = false;
        prev = f;
      } else {
        prev = f;
      }
      offset += length;
    }
    if (out == null) {
      return false;
    }
    facts.subList(keptCount, n).clear();
    lengths = kept;
    bytes = facts.isEmpty() ? null : out.toByteArray();
    return true;
  }

  /**
   * The entries [from, from + oldCount) were replaced in {@link #facts} by [from, from + newCount):
   * writes those and the entry after them (its predecessor changed) into the bytes, in place of
   * the old ones.
   */
  private void rewrite(int from, int oldCount, int newCount) {
    int start = 0;
    for (int i = 0; i < from; i++) {
      start += lengths[i];
    }
    int next = from + newCount < facts.size() ? 1 : 0;
    int oldEnd = start;
    for (int i = from; i < from + oldCount + next; i++) {
      oldEnd += lengths[i];
    }
    ByteSink out = SCRATCH.get();
    out.clear();
    int[] newLengths = new int[newCount + next];
    F prev = from == 0 ? null : facts.get(from - 1);
    for (int j = 0; j < newCount + next; j++) {
      F f = facts.get(from + j);
      int before = out.size();
      codec.write(out, prev, f);
      newLengths[j] = out.size() - before;
      prev = f;
    }
    int oldLength = bytes == null ? 0 : bytes.length;
    byte[] spliced = new byte[oldLength - (oldEnd - start) + out.size()];
    if (start > 0) {
      System.arraycopy(bytes, 0, spliced, 0, start);
    }
    out.copyTo(spliced, start);
    if (oldLength > oldEnd) {
      System.arraycopy(bytes, oldEnd, spliced, start + out.size(), oldLength - oldEnd);
    }
    bytes = spliced.length == 0 ? null : spliced;
    // lengths: [from, from + oldCount + next) become newLengths
    int oldSize = facts.size() - newCount + oldCount; // entries before the change
    int[] l = lengths;
    int tail = oldSize - (from + oldCount + next);
    int needed = from + newLengths.length + tail;
    if (needed > l.length) {
      l = Arrays.copyOf(l, Math.max(needed, l.length * 2));
    }
    System.arraycopy(lengths, from + oldCount + next, l, from + newLengths.length, tail);
    System.arraycopy(newLengths, 0, l, from, newLengths.length);
    lengths = l;
  }

  private void encodeAll() {
    ByteSink out = new ByteSink(16 * facts.size() + 16);
    F prev = null;
    for (int i = 0; i < facts.size(); i++) {
      int before = out.size();
      codec.write(out, prev, facts.get(i));
      lengths[i] = out.size() - before;
      prev = facts.get(i);
    }
    bytes = facts.isEmpty() ? null : out.toByteArray();
  }
}
