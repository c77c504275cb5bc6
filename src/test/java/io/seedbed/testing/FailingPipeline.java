package io.seedbed.testing;

import io.seedbed.feed.Feed;
import io.seedbed.io.OutputTable;
import io.seedbed.io.RawLine;
import io.seedbed.pipeline.FeedSources;
import io.seedbed.pipeline.SeedbedSinks;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Test-only failure injection without touching the pipeline: sources whose lines pass through a
 * {@link FailOnce} before decoding, and sinks whose rows pass through one before writing.
 */
public final class FailingPipeline {
  private FailingPipeline() {}

  /** {@code sources}, with a failing map after the lines of each of {@code feeds}. */
  public static FeedSources sources(FeedSources sources, Set<Feed> feeds, long seed, int maxRecords) {
    return new Sources(sources, feeds, seed, maxRecords);
  }

  /** {@code sinks}, with a failing map in front of each of {@code tables}. */
  public static SeedbedSinks sinks(SeedbedSinks sinks, Set<String> tables, long seed, int maxRecords) {
    return new Sinks(sinks, tables, seed, maxRecords);
  }

  private record Sources(FeedSources delegate, Set<Feed> feeds, long seed, int maxRecords)
      implements FeedSources {
    @Override
    public DataStream<RawLine> lines(StreamExecutionEnvironment env, Feed feed) {
      DataStream<RawLine> lines = delegate.lines(env, feed);
      if (lines == null || !feeds.contains(feed)) {
        return lines;
      }
      return lines.map(new FailOnce<RawLine>("lines-" + feed.id(), seed, maxRecords))
          .returns(TypeInformation.of(RawLine.class))
          .uid("fail-lines-" + feed.id())
          .name("Inject failures " + feed.id());
    }
  }

  private record Sinks(SeedbedSinks delegate, Set<String> tables, long seed, int maxRecords)
      implements SeedbedSinks {
    @Override
    public <T> void write(OutputTable<T> table, DataStream<T> rows) {
      if (!tables.contains(table.name)) {
        delegate.write(table, rows);
        return;
      }
      delegate.write(table, rows.map(new FailOnce<T>("sink-" + table.name, seed, maxRecords))
          .returns(rows.getType())
          .uid("fail-sink-" + table.name)
          .name("Inject failures " + table.name));
    }
  }
}
