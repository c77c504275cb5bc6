package io.seedbed.io;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A feed message (one JSON record, UTF-8) as a {@link RawLine}, capped like the file reader's lines
 * (CappedLineFormat): a longer message keeps only its first
 * {@code capBytes} bytes and arrives truncated, so the decoder rejects it as too long without
 * parsing it. One trailing newline is dropped, since producers often send whole lines.
 * Tombstones (null values) carry no record and are skipped.
 */
public final class RawLineDeserializer implements KafkaRecordDeserializationSchema<RawLine> {
  private static final long serialVersionUID = 1L;

  private final int capBytes;

  public RawLineDeserializer(int capBytes) {
    this.capBytes = capBytes;
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawLine> out) {
    if (record.value() != null) {
      out.collect(toRawLine(record.value(), capBytes));
    }
  }

  static RawLine toRawLine(byte[] value, int capBytes) {
    int len = value.length;
    if (len > capBytes) {
      return new RawLine(new String(value, 0, capBytes, StandardCharsets.UTF_8), len, true);
    }
    if (len > 0 && value[len - 1] == '\n') {
      len--;
      if (len > 0 && value[len - 1] == '\r') {
        len--;
      }
    }
    return new RawLine(new String(value, 0, len, StandardCharsets.UTF_8), len, false);
  }

  @Override
  public TypeInformation<RawLine> getProducedType() {
    return TypeInformation.of(RawLine.class);
  }
}
