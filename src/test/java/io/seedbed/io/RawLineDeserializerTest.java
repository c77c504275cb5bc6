package io.seedbed.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.pipeline.RuleUpdate;
import java.nio.charset.StandardCharsets;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

class RawLineDeserializerTest {
  private static RawLine line(String value, int cap) {
    return RawLineDeserializer.toRawLine(value.getBytes(StandardCharsets.UTF_8), cap);
  }

  @Test
  void aMessageAtTheCapIsWholeAndOneByteMoreIsTruncated() {
    RawLine atCap = line("abcdefgh", 8);
    assertThat(atCap.text).isEqualTo("abcdefgh");
    assertThat(atCap.bytes).isEqualTo(8);
    assertThat(atCap.truncated).isFalse();

    RawLine over = line("abcdefghi", 8);
    assertThat(over.text).isEqualTo("abcdefgh");
    assertThat(over.bytes).isEqualTo(9);
    assertThat(over.truncated).isTrue();
  }

  @Test
  void aCutThroughAMultiByteCharacterKeepsTheWholeCharactersBeforeIt() {
    // 税 is 3 bytes in UTF-8: "ab税" is 5 bytes; a cap of 4 cuts through it
    RawLine cut = line("ab税c", 4);
    assertThat(cut.truncated).isTrue();
    assertThat(cut.bytes).isEqualTo(6);
    assertThat(cut.text).startsWith("ab").doesNotContain("税");
  }

  @Test
  void oneTrailingNewlineIsNotPartOfTheLine() {
    assertThat(line("{}\n", 100).text).isEqualTo("{}");
    assertThat(line("{}\r\n", 100).text).isEqualTo("{}");
    assertThat(line("{}\r\n", 100).bytes).isEqualTo(2);
    assertThat(line("{}\n\n", 100).text).isEqualTo("{}\n");
    assertThat(line("", 100).text).isEmpty();
  }

  @Test
  void theStreamTypesAreFlinkPojos() {
    PojoTestUtils.assertSerializedAsPojoWithoutKryo(RawLine.class);
    PojoTestUtils.assertSerializedAsPojoWithoutKryo(RuleUpdate.class);
  }
}
