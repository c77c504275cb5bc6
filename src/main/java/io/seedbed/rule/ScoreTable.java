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
  record Block(String name, Double min, List<ScoreItem> items, String source) {
    double maxPoints() {
      return items.stream().mapToDouble(ScoreItem::maxPoints).sum();
    }
  }

  double maxPoints() {
    return blocks.stream().mapToDouble(Block::maxPoints).sum();
  }

  @Override
  public boolean evaluate(Eval ev, List<CriterionResult> out) {
    int totalAt = out.size();
    double total = 0;
    boolean blocksHold = true;
    for (Block b : blocks) {
      int at = out.size();
      double sum = 0;
      for (ScoreItem item : b.items()) {
        sum += item.score(ev, out);
      }
      boolean passed = b.min() == null || sum >= b.min();
      blocksHold &= passed;
      out.add(at, b.min() == null
          ? new CriterionResult(b.name(), sum, null, "sum", b.maxPoints(), null, true, 0.0)
          : new CriterionResult(b.name(), sum, null, ">=", b.min(), null, passed,
              passed ? 0.0 : b.min() - sum));
      total += sum;
    }
    boolean totalHolds = total >= min;
    out.add(totalAt, new CriterionResult(name, total, null, ">=", min, null, totalHolds,
        totalHolds ? 0.0 : min - total));
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
