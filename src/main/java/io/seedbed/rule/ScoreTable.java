package io.seedbed.rule;

import java.util.List;

/**
 * A points table: blocks of scored items, each block with an optional minimum, and a minimum total.
 * It holds when the total and every block reach their minimums. Criteria emitted: the total (value
 * = points, threshold = minimum), then per block its sum, then its items. The first table evaluated
 * in a pool gives the verdict's score.
 */
record ScoreTable(String name, double min, List<Block> blocks, String source) implements Criterion {

  /** A block (e.g. 创新能力) with an optional minimum (null = none). */
  static final class Block implements Explains {
    private final String name;
    private final Double min;
    private final List<ScoreItem> items;
    private final String source;
    /** Worked out once: a block without a minimum reports it on every evaluation. */
    private final double maxPoints;

    Block(String name, Double min, List<ScoreItem> items, String source) {
      this.name = name;
      this.min = min;
      this.items = items;
      this.source = source;
      this.maxPoints = items.stream().mapToDouble(ScoreItem::maxPoints).sum();
    }

    String name() {
      return name;
    }

    Double min() {
      return min;
    }

    List<ScoreItem> items() {
      return items;
    }

    String source() {
      return source;
    }

    double maxPoints() {
      return maxPoints;
    }

    /** A block reports its sum against its minimum, or against its maximum when it has none. */
    @Override
    public String op() {
      return min == null ? "sum" : ">=";
    }
  }

  @Override
  public String op() {
    return ">=";
  }

  double maxPoints() {
    return blocks.stream().mapToDouble(Block::maxPoints).sum();
  }

  @Override
  public boolean evaluate(Eval ev, Trace out) {
    int totalAt = out.open(this, name);
    double total = 0;
    boolean blocksHold = true;
    for (Block b : blocks) {
      int at = out.open(b, b.name());
      double sum = 0;
      for (ScoreItem item : b.items()) {
        sum += ScoreItem.score(item, ev, out);
      }
      boolean passed = b.min() == null || sum >= b.min();
      blocksHold &= passed;
      out.value(at, sum);
      if (b.min() == null) {
        out.threshold(at, b.maxPoints());
        out.shortfall(at, 0.0);
        out.passed(at, true);
      } else {
        out.threshold(at, b.min());
        out.shortfall(at, passed ? 0.0 : b.min() - sum);
        out.passed(at, passed);
      }
      total += sum;
    }
    boolean totalHolds = total >= min;
    out.value(totalAt, total);
    out.threshold(totalAt, min);
    out.shortfall(totalAt, totalHolds ? 0.0 : min - total);
    out.passed(totalAt, totalHolds);
    if (ev.score == null) {
      ev.score = total;
    }
    return totalHolds && blocksHold;
  }

  @Override
  public void document(StringBuilder md, int depth) {
    Criterion.bullet(md, depth, "`" + name + "`: score ≥ " + Fmt.num(min) + " of "
        + Fmt.num(maxPoints()) + " points", source);
    for (Block b : blocks) {
      Criterion.bullet(md, depth + 1, "`" + b.name() + "` (" + Fmt.num(b.maxPoints()) + " points"
          + (b.min() == null ? "" : ", minimum " + Fmt.num(b.min())) + ")", b.source());
      for (ScoreItem item : b.items()) {
        item.document(md, depth + 2);
      }
    }
  }
}
