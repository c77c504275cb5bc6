package io.seedbed.pipeline;

import io.seedbed.feed.FeedRecord;
import io.seedbed.indicator.IndicatorSnapshot;
import io.seedbed.pool.PoolChange;
import io.seedbed.testing.ProjectFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/**
 * One {@link EnterpriseProcessor} in a Flink test harness (parallelism 1, heap state), on the
 * shipped config and a fixed job clock, with helpers that read its keyed state with the operator's
 * own descriptors and count what it emitted.
 */
final class EnterpriseOperator implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

  /** Every side output the operator can write to. */
  static final List<OutputTag<?>> SIDE_OUTPUTS = List.of(Outputs.POOL_CHANGE, Outputs.MEMBERSHIP,
      Outputs.CANDIDATE, Outputs.INCIDENT, Outputs.REWARD, Outputs.TRANSITION, Outputs.REJECTED);

  final KeyedBroadcastOperatorTestHarness<String, FeedRecord, RuleUpdate, IndicatorSnapshot> harness;

  EnterpriseOperator() throws Exception {
    this(false);
  }

  /** {@code batch}: the processor as a BATCH job builds it (one decision per event time). */
  EnterpriseOperator(boolean batch) throws Exception {
    EnterpriseProcessor fn = new EnterpriseProcessor(
        ConfigBundle.read(ProjectFiles.path("config")), JobClock.fixed(NOW), batch);
    harness = new KeyedBroadcastOperatorTestHarness<>(
        new CoBroadcastWithKeyedOperator<>(fn, List.of(EnterpriseProcessor.RULE_FILES)),
        FeedRecord::uscc, Types.STRING, 1, 1, 0);
    // The main output is copied with its Flink serializer (the default would use Java serialization).
    harness.setup(TypeInformation.of(IndicatorSnapshot.class)
        .createSerializer(harness.getExecutionConfig().getSerializerConfig()));
    harness.open();
    // As in the pipeline (RuleWatermarks): the rules input never holds event time back, so the
    // operator's watermark, the minimum over both inputs, is the feeds' alone.
    harness.processBroadcastWatermark(Long.MAX_VALUE);
  }

  /** Processes {@code r} stamped with its event time, as the pipeline's watermark strategy does. */
  void feed(FeedRecord... records) throws Exception {
    for (FeedRecord r : records) {
      harness.processElement(r, r.eventTime().toEpochMilli());
    }
  }

  void feed(List<? extends FeedRecord> records) throws Exception {
    feed(records.toArray(new FeedRecord[0]));
  }

  void watermark(Instant t) throws Exception {
    harness.processWatermark(t.toEpochMilli());
  }

  void watermark(long millis) throws Exception {
    harness.processWatermark(millis);
  }

  /** The value of {@code descriptor} for enterprise {@code uscc}, as the operator keeps it. */
  <T> T state(String uscc, ValueStateDescriptor<T> descriptor) throws Exception {
    KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
    backend.setCurrentKey(uscc);
    return backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
        descriptor).value();
  }

  /** Sets (or, for null, clears) one keyed value, as a restored savepoint would have it. */
  <T> void putState(String uscc, ValueStateDescriptor<T> descriptor, T value) throws Exception {
    KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
    backend.setCurrentKey(uscc);
    var state = backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
        descriptor);
    if (value == null) {
      state.clear();
    } else {
      state.update(value);
    }
  }

  /** Keyed state entries over every key and state (heap backend). */
  int keyedStateEntries() {
    return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
        .numKeyValueStateEntries();
  }

  int eventTimeTimers() {
    return harness.numEventTimeTimers();
  }

  List<IndicatorSnapshot> snapshots() {
    return harness.extractOutputValues();
  }

  <X> List<StreamRecord<X>> side(OutputTag<X> tag) {
    Queue<StreamRecord<X>> q = harness.getSideOutput(tag);
    return q == null ? List.of() : new ArrayList<>(q);
  }

  List<PoolChange> poolChanges() {
    return side(Outputs.POOL_CHANGE).stream().map(StreamRecord::getValue).toList();
  }

  /** Records emitted so far on the main output and every side output. */
  int emitted() {
    int n = snapshots().size();
    for (OutputTag<?> tag : SIDE_OUTPUTS) {
      n += side(tag).size();
    }
    return n;
  }

  @Override
  public void close() throws Exception {
    harness.close();
  }
}
