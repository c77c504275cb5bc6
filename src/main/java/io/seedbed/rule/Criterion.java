package io.seedbed.rule;

import java.util.Set;

/**
 * One node of a pool's criteria tree, parsed from YAML by {@link CriterionParser}. Evaluating it
 * appends its explanation (one {@link Trace} entry per criterion result) to {@code out} and returns
 * whether it holds. Unknown data never holds.
 */
sealed interface Criterion extends Explains
    permits Compare, Combine, ByBand, AwardWithin, NoIncident, EligibleFor, ScoreTable {

  boolean evaluate(Eval ev, Trace out);

  /**
   * {@code c.evaluate(ev, out)}, dispatched by type: a call through the interface, with this many
   * kinds of node, is a slow lookup on every node of every pool on every record.
   */
  static boolean evaluate(Criterion c, Eval ev, Trace out) {
    if (c instanceof Compare x) {
      return x.evaluate(ev, out);
    } else if (c instanceof Combine x) {
      return x.evaluate(ev, out);
    } else if (c instanceof ByBand x) {
      return x.evaluate(ev, out);
    } else if (c instanceof ScoreTable x) {
      return x.evaluate(ev, out);
    }
    return c.evaluate(ev, out);
  }

  /** Appends this node to the rule reference as markdown bullets indented by {@code depth}. */
  void document(StringBuilder md, int depth);

  /** Adds the pools this node asks about (for the cycle check). */
  default void referencedPools(Set<Pool> into) {}

  /** The trailing comment of the node's YAML line: its source in criteria.md. */
  String source();

  static void bullet(StringBuilder md, int depth, String text, String source) {
    md.append("  ".repeat(depth)).append("- ").append(text);
    if (source != null && !source.isEmpty()) {
      md.append(" — ").append(source);
    }
    md.append('\n');
  }
}
