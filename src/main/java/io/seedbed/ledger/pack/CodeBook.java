package io.seedbed.ledger.pack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Short numbers for the codes of one kind (carriers, IP event types, ...): the number of a known
 * code, or 0 followed by the code itself. The list is part of the state format: append to it,
 * never reorder or remove (a code not in it, e.g. one added to the feeds later, is still written,
 * in full).
 */
public final class CodeBook {
  private final List<String> codes;
  private final Map<String, Integer> numbers = new HashMap<>();

  public CodeBook(String... codes) {
    this.codes = List.of(codes);
    for (int i = 0; i < codes.length; i++) {
      numbers.put(codes[i], i + 1);
    }
  }

  /** The code's number (1..), 0 if it is not in the book. */
  public int number(String code) {
    Integer n = numbers.get(code);
    return n == null ? 0 : n;
  }

  /** The code of a number from {@link #number}; null for 0. */
  public String code(int number) {
    return number == 0 ? null : codes.get(number - 1);
  }

  public void write(ByteSink out, String code) {
    int n = number(code);
    out.writeVarLong(n);
    if (n == 0) {
      out.writeString(code);
    }
  }

  public String read(ByteSource in) {
    int n = in.readVarInt();
    return n == 0 ? in.readString() : code(n);
  }
}
