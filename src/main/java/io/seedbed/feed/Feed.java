package io.seedbed.feed;

import java.util.Locale;

/** The five input feeds, plus {@code rules} for rejected rule files. */
public enum Feed {
  TAX, CREDIT, ENERGY, PATENT, REGISTRY, RULES;

  /** The name used in file names, topics ({@code seedbed.tax}) and the {@code feed} column. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The five data feeds, in the order they are read. */
  public static final Feed[] DATA = {TAX, CREDIT, ENERGY, PATENT, REGISTRY};

  public static Feed of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
