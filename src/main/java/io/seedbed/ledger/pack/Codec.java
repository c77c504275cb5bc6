package io.seedbed.ledger.pack;

import java.util.Comparator;

/**
 * How one kind of fact is kept in a {@link PackedTable}: its order (by identity) and its compact
 * form, which may lean on the entry before it (the same meter, the next month, ...).
 */
public interface Codec<F> extends Comparator<F> {
  /** Writes {@code fact}; {@code prev} is the entry before it in the table, null for the first. */
  void write(ByteSink out, F prev, F fact);

  /** Reads what {@link #write} wrote with the same {@code prev}. */
  F read(ByteSource in, F prev);

  /** Identity order: equal (0) exactly for two versions of the same fact. */
  @Override
  int compare(F a, F b);
}
