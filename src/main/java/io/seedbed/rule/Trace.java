package io.seedbed.rule;

import java.util.Arrays;

/**
 * Where one rule-set evaluation writes its criterion results: one entry per criterion, in rule-file
 * order, numbers kept as primitives and texts left unformatted (the raw indicator value, a case
 * number). Evaluating every pool on every record writes here without building a
 * {@link CriterionResult} or a string; {@link Explanation} reads it, and formats an entry only when
 * someone asks for its text (a row that is written, {@code rules explain}).
 *
 * <p>An entry is filled by the node that {@link #open}s it ({@link Explains} renders its texts);
 * a node that explains itself before its children (a named {@code all}/{@code any}, a band, a score
 * table) opens its entry first and fills it after them.
 *
 * <p>The engine reuses one trace per thread ({@link #reuse}): each evaluation bumps its
 * {@link #generation}, and an {@link Explanation} reads it only while the generation it was written
 * in is current, on the thread that owns it.
 */
final class Trace {
  static final byte VALUE = 1;
  static final byte THRESHOLD = 2;
  static final byte SHORTFALL = 4;
  static final byte PASSED = 8;
  /** The entry has a raw text: {@link #text}'s, or its indicator's value ({@link #FROM_INPUT}). */
  private static final byte TEXT = 16;
  /**
   * The entry's raw text is the value its {@link Compare} read from {@link #input}, not
   * {@link #text}'s: storing a value made for this record (a set of codes) into this long-lived
   * trace costs a GC write barrier with a memory fence on every comparison of every pool.
   */
  private static final byte FROM_INPUT = 32;

  /** The numbers of entry {@code i} are {@code num[NUMS * i + VAL .. AUX]}: one array, adjacent. */
  private static final int NUMS = 4;
  private static final int VAL = 0;
  private static final int THR = 1;
  private static final int SHORT = 2;
  /** A number the node needs to render its texts (a band code, a case number, the raw value). */
  private static final int AUX = 3;

  private Explains[] src;
  /** The criterion's name ({@code src}'s), kept here because deciding reads it for every entry. */
  private String[] name;
  private double[] num;
  /** The raw value the node renders as {@code valueText} (a code, a set of codes). */
  private Object[] text;
  private byte[] bits;
  private int size;
  /** The thread that writes this trace; null for a trace of one explanation only. */
  private final Thread owner;
  private long generation;
  /** The indicator values of the current evaluation, where {@link #FROM_INPUT} texts are. */
  private Eval.Context input;

  Trace(int capacity) {
    this(capacity, null);
  }

  private Trace(int capacity, Thread owner) {
    this.owner = owner;
    int n = Math.max(1, capacity);
    src = new Explains[n];
    name = new String[n];
    num = new double[NUMS * n];
    text = new Object[n];
    bits = new byte[n];
  }

  /** A trace that {@code owner} writes one evaluation after another ({@link #reuse}). */
  static Trace ownedBy(Thread owner) {
    return new Trace(256, owner);
  }

  /** Starts the next evaluation, which reads {@code input}: empty, in a new generation. */
  long reuse(Eval.Context input) {
    size = 0;
    this.input = input;
    return ++generation;
  }

  /**
   * Whether entries written in {@code gen} are still here and safe to read: the generation is
   * current and the caller is the writing thread (another thread may be writing it right now).
   */
  boolean holds(long gen) {
    return owner == null || (generation == gen && owner == Thread.currentThread());
  }

  int size() {
    return size;
  }

  /**
   * Appends an empty entry (unknown value and threshold, not passed) and returns its index. A
   * reused trace mostly sees the same node at the same index again, so references are stored only
   * when they differ: a reference store into a long-lived array costs a GC write barrier.
   */
  int open(Explains node, String criterion) {
    if (size == src.length) {
      grow(size + 1);
    }
    int i = size++;
    if (src[i] != node) {
      src[i] = node;
    }
    if (name[i] != criterion) {
      name[i] = criterion;
    }
    int n = NUMS * i;
    num[n + VAL] = 0;
    num[n + THR] = 0;
    num[n + SHORT] = 0;
    num[n + AUX] = 0;
    bits[i] = 0;
    return i;
  }

  /**
   * Drops the entries from {@code mark} on (conditions evaluated only for their outcome, graduation
   * criteria that did not hold). Their slots are overwritten by the next {@link #open}s.
   */
  void truncate(int mark) {
    size = mark;
  }

  void value(int i, double v) {
    num[NUMS * i + VAL] = v;
    bits[i] |= VALUE;
  }

  void threshold(int i, double t) {
    num[NUMS * i + THR] = t;
    bits[i] |= THRESHOLD;
  }

  void shortfall(int i, double s) {
    num[NUMS * i + SHORT] = s;
    bits[i] |= SHORTFALL;
  }

  /** Records the outcome and returns it. */
  boolean passed(int i, boolean p) {
    if (p) {
      bits[i] |= PASSED;
    }
    return p;
  }

  void aux(int i, double a) {
    num[NUMS * i + AUX] = a;
  }

  void text(int i, Object raw) {
    if (text[i] != raw) {
      text[i] = raw;
    }
    bits[i] |= TEXT;
  }

  /**
   * Records that entry {@code i}'s raw text is the value of {@code indicator}, already read from
   * {@link #input} (the same object {@link #text(int, Object)} would have kept).
   */
  void textOf(int i, IndicatorRegistry.Entry indicator) {
    aux(i, indicator.index());
    bits[i] |= TEXT | FROM_INPUT;
  }

  Explains src(int i) {
    return src[i];
  }

  String name(int i) {
    return name[i];
  }

  /** Whether entry {@code i} is named {@code s} ({@code s.equals}: its name may be null). */
  boolean named(int i, String s) {
    return s.equals(name[i]);
  }

  boolean has(int i, byte bit) {
    return (bits[i] & bit) != 0;
  }

  double value(int i) {
    return num[NUMS * i + VAL];
  }

  double threshold(int i) {
    return num[NUMS * i + THR];
  }

  double shortfall(int i) {
    return num[NUMS * i + SHORT];
  }

  double aux(int i) {
    return num[NUMS * i + AUX];
  }

  Object text(int i) {
    byte b = bits[i];
    if ((b & FROM_INPUT) != 0) {
      return input.read((int) num[NUMS * i + AUX]);
    }
    return (b & TEXT) != 0 ? text[i] : null;
  }

  /**
   * Whether entry {@code i} here and entry {@code j} of {@code o} are the same criterion with the
   * same data, so that they explain themselves identically (same {@link CriterionResult}). Numbers
   * are compared as {@link Double#equals} does, texts by equality and, for sets, iteration order
   * (their text lists the codes in that order).
   */
  boolean same(int i, Trace o, int j) {
    if (src[i] != o.src[j] || (bits[i] | FROM_INPUT) != (o.bits[j] | FROM_INPUT)) {
      return false;
    }
    for (int k = 0; k < NUMS; k++) {
      if (Double.doubleToLongBits(num[NUMS * i + k])
          != Double.doubleToLongBits(o.num[NUMS * j + k])) {
        return false;
      }
    }
    return sameText(text(i), o.text(j));
  }

  /** Appends a copy of entry {@code i} to {@code to}. */
  void copy(int i, Trace to) {
    int k = to.open(src[i], name[i]);
    System.arraycopy(num, NUMS * i, to.num, NUMS * k, NUMS);
    to.text[k] = text(i);
    to.bits[k] = (byte) (bits[i] & ~FROM_INPUT);
  }

  private static boolean sameText(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof java.util.Set<?> x && b instanceof java.util.Set<?> y) {
      // Equal in iteration order implies equal as sets: one pass, no lookups.
      return x.size() == y.size() && sameOrder(x, y);
    }
    if (!a.equals(b)) {
      return false;
    }
    if (a instanceof Iterable<?> x && b instanceof Iterable<?> y) {
      return sameOrder(x, y);
    }
    return true;
  }

  private static boolean sameOrder(Iterable<?> x, Iterable<?> y) {
    var ix = x.iterator();
    var iy = y.iterator();
    while (ix.hasNext() && iy.hasNext()) {
      if (!java.util.Objects.equals(ix.next(), iy.next())) {
        return false;
      }
    }
    return ix.hasNext() == iy.hasNext();
  }

  private void grow(int atLeast) {
    int n = Math.max(atLeast, src.length * 2);
    src = Arrays.copyOf(src, n);
    name = Arrays.copyOf(name, n);
    num = Arrays.copyOf(num, NUMS * n);
    text = Arrays.copyOf(text, n);
    bits = Arrays.copyOf(bits, n);
  }
}
