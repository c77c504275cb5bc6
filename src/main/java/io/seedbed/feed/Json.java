package io.seedbed.feed;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson mapper of Seedbed. Configured once: java.time as ISO strings, no surprises from
 * floating point, and parser limits so that a hostile line cannot make the decoder buffer megabytes.
 */
public final class Json {
  /** Longest line the feeds accept; a longer one is rejected before it is parsed. */
  public static final int MAX_LINE_CHARS = 64 * 1024;

  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  /**
   * The one YAML mapper (rule sets, city config). Only its factory's streaming parser is used by the
   * rule loader, which builds its own tree so that every node keeps its line for error messages.
   */
  public static final ObjectMapper YAML = YAMLMapper.builder()
      .addModule(new JavaTimeModule())
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxStringLength(MAX_LINE_CHARS)
        .maxNestingDepth(32)
        .maxNumberLength(64)
        .build());
  }

  private Json() {}
}
