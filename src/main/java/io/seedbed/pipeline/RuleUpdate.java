package io.seedbed.pipeline;

/**
 * One rule file as it arrives on the rules stream (a watched config folder, or a message on the
 * Kafka topic {@code seedbed.rules}): its name relative to the config folder, e.g.
 * {@code rules/miit-2026.yaml} or {@code city/rizhao.yaml}, and its whole YAML text. A Flink POJO.
 */
public class RuleUpdate {
  /** Relative name with forward slashes: {@code rules/NAME.yaml} or {@code city/NAME.yaml}. */
  public String file;
  /** The whole YAML document. */
  public String text;
  /** Where it came from, for messages: a folder path or {@code kafka:seedbed.rules@partition:offset}. */
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
