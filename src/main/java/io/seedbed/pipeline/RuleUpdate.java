package io.seedbed.pipeline;

/**
 * One rule file as it arrived on the rules stream (a Flink POJO): its name, its YAML text, and
 * where it came from for error messages. A later update of the same file replaces the earlier one.
 */
public class RuleUpdate {
  /** The rule file's name, e.g. {@code rules/miit-2026.yaml}; null when the message had no key. */
  public String file;
  /** The YAML text. */
  public String text;
  /** Where it was read, e.g. {@code kafka:seedbed.rules-0@17}. */
  public String origin;

  public RuleUpdate() {}

  public RuleUpdate(String file, String text, String origin) {
    this.file = file;
    this.text = text;
    this.origin = origin;
  }

  @Override
  public String toString() {
    return "RuleUpdate{" + file + " from " + origin + "}";
  }
}
