package io.seedbed.io;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * The one split of a {@link RuleFileSource}: the watched config folder and the content hash of
 * every file already emitted (checkpointed, so a restored job emits only what changed since).
 */
public final class RuleFolderSplit implements SourceSplit {
  public final String folder;
  /** Relative file name → SHA-256 of the text last emitted. */
  public final Map<String, String> emitted;

  public RuleFolderSplit(String folder, Map<String, String> emitted) {
    this.folder = folder;
    this.emitted = new TreeMap<>(emitted);
  }

  @Override
  public String splitId() {
    return "rule-folder";
  }

  /** Serializes the split and the enumerator's checkpoint (whether the split is unassigned). */
  static final class Serializer implements SimpleVersionedSerializer<RuleFolderSplit> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(RuleFolderSplit split) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(256);
      out.writeUTF(split.folder);
      out.writeInt(split.emitted.size());
      for (Map.Entry<String, String> e : split.emitted.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
      return out.getCopyOfBuffer();
    }

    @Override
    public RuleFolderSplit deserialize(int version, byte[] bytes) throws IOException {
      DataInputDeserializer in = new DataInputDeserializer(bytes);
      String folder = in.readUTF();
      int n = in.readInt();
      Map<String, String> emitted = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        emitted.put(in.readUTF(), in.readUTF());
      }
      return new RuleFolderSplit(folder, emitted);
    }
  }

  static final class PendingSerializer implements SimpleVersionedSerializer<Boolean> {
    @Override
    public int getVersion() {
      return 1;
    }

    @Override
    public byte[] serialize(Boolean pending) {
      return new byte[] {(byte) (pending ? 1 : 0)};
    }

    @Override
    public Boolean deserialize(int version, byte[] bytes) {
      return bytes.length > 0 && bytes[0] == 1;
    }
  }
}
