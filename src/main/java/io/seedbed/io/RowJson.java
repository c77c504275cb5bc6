package io.seedbed.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.seedbed.feed.Json;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.flink.util.function.SerializableFunction;

/** How an output row becomes a Kafka message: its key and its JSON value. Ships inside the sink. */
public interface RowJson<T> extends Serializable {
  String key(T row);

  String json(T row);

  /**
   * Rows rendered as a column map (e.g. an output table's {@code toJsonRow}) and written with the
   * shared {@link Json#MAPPER}; the key is the text of {@code keyColumn}, which must be present.
   */
  static <T> RowJson<T> ofColumns(SerializableFunction<T, Map<String, Object>> columns,
      String keyColumn) {
    return new RowJson<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public String key(T row) {
        Object key = columns.apply(row).get(keyColumn);
        if (key == null) {
          throw new IllegalArgumentException("row has no value in key column " + keyColumn);
        }
        return key.toString();
      }

      @Override
      public String json(T row) {
        try {
          return Json.MAPPER.writeValueAsString(columns.apply(row));
        } catch (JsonProcessingException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
