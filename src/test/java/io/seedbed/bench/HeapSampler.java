package io.seedbed.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Samples the JVM heap every 50 ms on a daemon thread. {@link #peakUsedMb()} is the largest heap in
 * use (garbage included: what the JVM had to have); {@link #peakAfterGcMb()} is the largest heap
 * still in use right after a collection, summed over the heap pools (close to the live set).
 */
final class HeapSampler {
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakUsed;
  private volatile long peakAfterGc;

  private HeapSampler() {
    thread = new Thread(this::loop, "heap-sampler");
    thread.setDaemon(true);
  }

  static HeapSampler start() {
    HeapSampler s = new HeapSampler();
    s.thread.start();
    return s;
  }

  private void loop() {
    while (running) {
      long used = 0;
      long afterGc = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() != MemoryType.HEAP) {
          continue;
        }
        used += pool.getUsage().getUsed();
        MemoryUsage collected = pool.getCollectionUsage();
        if (collected != null) {
          afterGc += collected.getUsed();
        }
      }
      peakUsed = Math.max(peakUsed, used);
      peakAfterGc = Math.max(peakAfterGc, afterGc);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void stop() throws InterruptedException {
    running = false;
    thread.join();
  }

  long peakUsedMb() {
    return peakUsed >> 20;
  }

  long peakAfterGcMb() {
    return peakAfterGc >> 20;
  }
}
