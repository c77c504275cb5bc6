package io.seedbed.bench;

import io.seedbed.cli.EmbeddedDatabase;
import io.seedbed.cli.JobFile;
import io.seedbed.io.Database;
import io.seedbed.io.DatabaseSinks;
import io.seedbed.io.FileFeedSources;
import io.seedbed.io.Schema;
import io.seedbed.pipeline.ConfigBundle;
import io.seedbed.pipeline.EnterpriseProcessor;
import io.seedbed.pipeline.JobClock;
import io.seedbed.pipeline.Pipeline;
import io.seedbed.pipeline.PipelineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code bench/throughput.sh}: the whole pipeline (decode, ledger state, indicators, rules, pools,
 * JDBC writes into an embedded PostgreSQL) over a generated city, on a local MiniCluster, with
 * checkpoints to a {@code file://} folder that are retained when the job finishes.
 *
 * <p>The feed folders are followed (as in production), so the job does not end by itself: once
 * every line has been decoded, it is stopped with a savepoint. Measures: events/s from job
 * submission to the savepoint's completion (every row is in PostgreSQL by then: the sinks are the
 * transactional ones of a production streaming job, which commit each checkpoint's rows when it
 * completes, the savepoint included); peak heap (sampled every 50 ms, see {@link HeapSampler}); the savepoint's bytes
 * (canonical format: the full state after every record) divided by the enterprises seen; CPU
 * seconds of the JVM (every Flink thread) and of PostgreSQL over the same span ({@link ProcessCpu}),
 * and events per JVM CPU second: the rate per core, whatever the threads' spread over the cores.
 * The same two rates are also given for the second half of the lines alone ("warm"): a 10k city
 * replays in about a minute, of which job start-up and JIT compilation (C2 alone used ~20 CPU s)
 * take a large share that a job running for days does not pay. The CPU seconds of the garbage
 * collector and JIT compiler threads ({@link ProcessCpu#gcAndJitSeconds}) say how large.
 *
 * <p>Usage: {@code ThroughputBench FEEDS_DIR PARALLELISM heap|rocksdb WORK_DIR RESULTS_TSV LABEL [MAX_EVENTS]}
 */
public final class ThroughputBench {
  /** The checkpoint interval of a bench's job (each bench has its own default). */
  static final String CHECKPOINT_INTERVAL_PROPERTY = "seedbed.bench.checkpointInterval";
  /** System properties with this prefix are Flink options for the bench's job. */
  static final String FLINK_OPTION_PREFIX = "seedbed.bench.flink.";

  private ThroughputBench() {}

  public static void main(String[] args) throws Exception {
    run(args);
    // The result is written. Flink's changelog state backend (PROFILE=changelog, low-latency)
    // leaves a non-daemon executor thread behind after the MiniCluster closes, which kept the JVM
    // from ending: end it here.
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    Path feeds = Path.of(args[0]);
    int parallelism = Integer.parseInt(args[1]);
    String backend = args[2];
    Path work = Path.of(args[3]).toAbsolutePath();
    Path results = Path.of(args[4]);
    String label = args[5];
    // Optional: stop after this many lines (a prefix of a city too large to replay whole here;
    // the feed files are in time order, so a prefix is every enterprise's first months).
    long maxEvents = args.length > 6 ? Long.parseLong(args[6]) : 0;
    if (!backend.equals("heap") && !backend.equals("rocksdb")) {
      throw new IllegalArgumentException("backend must be heap or rocksdb, not " + backend);
    }
    Path checkpoints = work.resolve("checkpoints");
    Files.createDirectories(work.resolve("savepoints"));
    Files.createDirectories(checkpoints);

    try (EmbeddedDatabase pg = EmbeddedDatabase.start(work)) {
      Database db = pg.database();
      try (Connection c = db.connect()) {
        Schema.apply(c, Path.of("config/schema.sql"));
      }
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.createLocalEnvironment(parallelism,
              flinkConf(backend, checkpoints, work,
                  System.getProperty(CHECKPOINT_INTERVAL_PROPERTY, "10s")));
      ConfigBundle bundle = ConfigBundle.read(Path.of("config"));
      Pipeline.define(env, new FileFeedSources(feeds, true, Duration.ofMillis(200)), DatabaseSinks.transactional(db),
          PipelineConfig.defaults(bundle, JobClock.system()));

      // A prefix of a large city is not worth counting the whole city for (20 GB at 10^6).
      long lines = maxEvents > 0 ? maxEvents : FeedLines.count(feeds);
      HeapSampler heap = HeapSampler.start();
      DiskSampler disk = DiskSampler.start(List.of(work.resolve("rocksdb"), checkpoints));
      String pgData = work.resolve("pg").toString();
      double jvmCpu0 = ProcessCpu.jvmSeconds();
      double[] gcJit0 = ProcessCpu.gcAndJitSeconds();
      double pgCpu0 = ProcessCpu.postgresSeconds(pgData);
      long t0 = System.nanoTime();
      JobClient job = env.executeAsync("Seedbed throughput bench");
      double[] half = new double[3]; // events, seconds, JVM CPU seconds when half was decoded
      FeedLines.awaitDecoded(job, lines, decoded -> {
        half[0] = decoded;
        half[1] = (System.nanoTime() - t0) / 1e9;
        half[2] = ProcessCpu.jvmSeconds() - jvmCpu0;
      });
      // The savepoint's barrier travels behind every record already read, so it holds the state
      // after all of them, and the JDBC sinks flush before it completes.
      String savepoint = job.stopWithSavepoint(false, work.resolve("savepoints").toUri().toString(),
          SavepointFormatType.CANONICAL).get();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double jvmCpu = ProcessCpu.jvmSeconds() - jvmCpu0;
      double[] gcJit = ProcessCpu.gcAndJitSeconds();
      double pgCpu = ProcessCpu.postgresSeconds(pgData) - pgCpu0;
      heap.stop();
      disk.stop();
      // Peak local RocksDB files and retained checkpoints: both are gone once the job ends.
      Files.writeString(work.resolve("disk.tsv"), "peak_rocksdb_mb\tpeak_checkpoints_mb\n"
          + disk.peakMb(0) + "\t" + disk.peakMb(1) + "\n");
      JobExecutionResult result = job.getJobExecutionResult().get();

      Map<String, Object> acc = result.getAllAccumulatorResults();
      long events = FeedLines.decoded(acc);
      long enterprises = ((Number) acc.getOrDefault(EnterpriseProcessor.ENTERPRISES, 0L)).longValue();
      long stateBytes = CheckpointSize.of(Path.of(java.net.URI.create(savepoint)));
      long poolChanges;
      try (Connection c = db.connect(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*) FROM pool_change")) {
        rs.next();
        poolChanges = rs.getLong(1);
      }
      double perSecond = events / seconds;
      String line = String.join("\t", Instant.now().toString(), label, Integer.toString(parallelism), backend,
          Long.toString(enterprises), Long.toString(events), String.format("%.1f", seconds),
          String.format("%.0f", perSecond), String.format("%.0f", perSecond / parallelism),
          Long.toString(heap.peakUsedMb()), Long.toString(heap.peakAfterGcMb()),
          Long.toString(stateBytes), String.format("%.0f", enterprises == 0 ? 0.0 : (double) stateBytes / enterprises),
          Long.toString(poolChanges), String.format("%.1f", jvmCpu), String.format("%.1f", pgCpu),
          String.format("%.0f", events / jvmCpu),
          // The second half alone: start-up and most JIT compilation are behind it.
          String.format("%.0f", (events - half[0]) / (seconds - half[1])),
          String.format("%.0f", (events - half[0]) / (jvmCpu - half[2])),
          String.format("%.1f", gcJit[0] - gcJit0[0]), String.format("%.1f", gcJit[1] - gcJit0[1]));
      String header = String.join("\t", "date", "size", "parallelism", "backend", "enterprises",
          "events", "seconds", "events_per_s", "events_per_s_per_slot", "peak_heap_used_mb",
          "peak_heap_after_gc_mb", "checkpoint_bytes", "state_bytes_per_enterprise", "pool_change_rows",
          "jvm_cpu_s", "postgres_cpu_s", "events_per_jvm_cpu_s", "warm_events_per_s",
          "warm_events_per_jvm_cpu_s", "gc_cpu_s", "jit_cpu_s");
      if (Files.exists(results) && !Files.readAllLines(results).get(0).equals(header)) {
        // Columns changed: keep the old table beside the new one rather than mixing them.
        Files.move(results, results.resolveSibling("results-before-" + Instant.now().toEpochMilli() + ".tsv"));
      }
      if (!Files.exists(results)) {
        Files.writeString(results, header + "\n");
      }
      Files.writeString(results, line + "\n", StandardOpenOption.APPEND);
      System.out.println(line);
    }
  }

  /**
   * Periodic checkpoints every {@code interval} to {@code checkpoints/} (their cost is part of
   * production throughput), compressed as jobs/*.yaml asks, incremental for RocksDB as in production.
   */
  static Configuration flinkConf(String backend, Path checkpoints, Path work, String interval)
      throws IOException {
    Configuration conf = new Configuration();
    conf.setString("state.backend.type", backend.equals("heap") ? "hashmap" : "rocksdb");
    conf.setString("state.backend.rocksdb.localdir", work.resolve("rocksdb").toString());
    if (backend.equals("rocksdb")) {
      JobFile.ROCKSDB_OPTIONS.forEach(conf::setString); // as every RocksDB job (from session 7 on)
    }
    // RocksDB's LOG (options, flushes, compactions, and every 10 minutes its compaction statistics:
    // bytes written per level, write amplification, stalls) outside the state folder, which the
    // scripts delete at the end of a run: the evidence for what RocksDB spent its CPU on.
    conf.setString("state.backend.rocksdb.log.dir", rocksDbLog(work).toString());
    conf.setString("execution.checkpointing.interval", interval);
    conf.setString("execution.checkpointing.dir", checkpoints.toUri().toString());
    conf.setString("execution.checkpointing.incremental", Boolean.toString(backend.equals("rocksdb")));
    conf.setString("execution.checkpointing.snapshot-compression", "true"); // as jobs/*.yaml
    conf.setString("taskmanager.memory.managed.size", "512m");
    // Experiments: -Dseedbed.bench.flink.KEY=VALUE sets any Flink option, e.g.
    // JAVA_OPTS="-Dseedbed.bench.flink.execution.buffer-timeout.interval=10ms" bench/latency.sh ...
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith(FLINK_OPTION_PREFIX))
        .forEach(k -> conf.setString(k.substring(FLINK_OPTION_PREFIX.length()), System.getProperty(k)));
    return conf;
  }

  private static Path rocksDbLog(Path work) throws IOException {
    return Files.createDirectories(work.resolve("rocksdb-log"));
  }
}
