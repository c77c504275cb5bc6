package io.seedbed.cli.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * Generates a synthetic Rizhao: {@code enterprises} firms with five feed files in {@code out}.
 * The output is a pure function of the arguments: each enterprise draws from its own random
 * streams seeded by (seed, index, feed), and {@link FeedSink} orders the lines by delivery time,
 * USCC and content, so the same arguments always give the same bytes.
 */
public final class CityGenerator {
  private final int enterprises;
  private final Range range;
  private final long seed;

  public CityGenerator(int enterprises, YearMonth from, YearMonth to, long seed) {
    if (enterprises < 1) {
      throw new IllegalArgumentException("enterprises must be at least 1, got " + enterprises);
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    if (from.getYear() < 2000) {
      throw new IllegalArgumentException("--from must be 2000-01 or later, got " + from);
    }
    this.enterprises = enterprises;
    this.range = new Range(from, to);
    this.seed = seed;
  }

  /** Writes tax.jsonl, credit.jsonl, energy.jsonl, patent.jsonl and registry.jsonl into {@code out}. */
  public GenerationSummary generate(Path out) throws IOException {
    Files.createDirectories(out);
    FeedSink sink = new FeedSink(out, range.from(), range.end());
    FirmFactory factory = new FirmFactory(seed, enterprises, range.from(), range.to());
    TaxFeedGen tax = new TaxFeedGen(range, sink);
    CreditFeedGen credit = new CreditFeedGen(range, sink);
    EnergyFeedGen energy = new EnergyFeedGen(range, sink);
    PatentFeedGen patent = new PatentFeedGen(range, sink, enterprises);
    RegistryFeedGen registry = new RegistryFeedGen(range, sink);
    for (int i = 0; i < enterprises; i++) {
      Firm firm = factory.create(i);
      sink.startFirm(Rng.streamSeed(seed, i, 6));
      tax.emit(firm, new Rng(Rng.streamSeed(seed, i, 1)));
      List<LocalDateTime> disqualifying = credit.emit(firm, new Rng(Rng.streamSeed(seed, i, 2)));
      energy.emit(firm, new Rng(Rng.streamSeed(seed, i, 3)));
      patent.emit(firm, new Rng(Rng.streamSeed(seed, i, 4)));
      registry.emit(firm, disqualifying, new Rng(Rng.streamSeed(seed, i, 5)));
    }
    return sink.finish();
  }
}
