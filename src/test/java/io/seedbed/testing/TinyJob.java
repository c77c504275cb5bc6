package io.seedbed.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The smallest job that exercises the cluster harness: a sequence through a slowed map into a
 * discarding sink. With an argument N it counts to N and finishes; without, it runs until stopped.
 * {@link #jar} packs it into a job jar, so the harness can be checked before the real job exists.
 */
public final class TinyJob {
  private TinyJob() {}

  public static void main(String[] args) throws Exception {
    long last = args.length > 0 ? Long.parseLong(args[0]) : Long.MAX_VALUE;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.fromSequence(0, last).uid("sequence")
        .map(new Slow()).uid("slow")
        .sinkTo(new DiscardingSink<>()).uid("discard");
    // no name here: a name given to execute() would override pipeline.name from -D
    env.execute();
  }

  /** About a thousand records a second per subtask, so an unbounded run stays cheap. */
  static final class Slow implements MapFunction<Long, Long> {
    @Override
    public Long map(Long value) throws InterruptedException {
      Thread.sleep(1);
      return value;
    }
  }

  /** Writes a job jar holding this class (and its nested ones) with it as the main class. */
  public static Path jar(Path dir) throws IOException {
    Path classes = Path.of(TinyJob.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    String pkg = TinyJob.class.getPackageName().replace('.', '/');
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TinyJob.class.getName());
    Path jar = Files.createDirectories(dir).resolve("tiny-job.jar");
    List<Path> files;
    try (Stream<Path> list = Files.list(classes.resolve(pkg))) {
      files = list.filter(p -> p.getFileName().toString().startsWith("TinyJob")).toList();
    }
    try (OutputStream out = Files.newOutputStream(jar);
         JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      for (Path file : files) {
        jarOut.putNextEntry(new JarEntry(pkg + "/" + file.getFileName()));
        jarOut.write(Files.readAllBytes(file));
        jarOut.closeEntry();
      }
    }
    return jar;
  }
}
