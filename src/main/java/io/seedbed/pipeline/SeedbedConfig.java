package io.seedbed.pipeline;

import io.seedbed.feed.EnergyCarrier;
import io.seedbed.feed.EnergyUnit;
import io.seedbed.feed.FeedTime;
import io.seedbed.indicator.IndicatorSettings;
import io.seedbed.ledger.LedgerSettings;
import io.seedbed.pool.PoolSettings;
import io.seedbed.rule.RuleBook;
import io.seedbed.rule.RuleLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every setting of a Seedbed job, loaded from a config folder by the core loaders (each fails
 * naming the file, line and field): indicator and ledger windows with the energy factors and SME
 * table, the rule book, and the pools' behaviour.
 */
public final class SeedbedConfig {
  private final IndicatorSettings indicators;
  private final RuleBook rules;
  private final PoolSettings pools;

  private SeedbedConfig(IndicatorSettings indicators, RuleBook rules, PoolSettings pools) {
    this.indicators = indicators;
    this.rules = rules;
    this.pools = pools;
  }

  /** Loads {@code configDir}; the first invalid file fails with a {@link io.seedbed.config.ConfigError}. */
  public static SeedbedConfig load(Path configDir) {
    return new SeedbedConfig(
        IndicatorSettings.load(configDir),
        RuleLoader.load(configDir),
        PoolSettings.load(configDir.resolve("city").resolve(RuleLoader.POOL_BEHAVIOUR_FILE)));
  }

  /**
   * Loads the config shipped with the job graph. The files go to a private temporary folder so
   * that the same loaders (and the same validation) run on the TaskManagers as on the client.
   */
  public static SeedbedConfig parse(ConfigBundle bundle) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("seedbed-config");
      for (Map.Entry<String, String> f : bundle.files().entrySet()) {
        Path target = dir.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
      }
      return load(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the job's config", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  public IndicatorSettings indicators() {
    return indicators;
  }

  public LedgerSettings ledger() {
    return indicators.ledger;
  }

  public RuleBook rules() {
    return rules;
  }

  public PoolSettings pools() {
    return pools;
  }

  /** Which units each energy carrier accepts (those with a conversion factor); serializable. */
  public Map<EnergyCarrier, Set<EnergyUnit>> unitsByCarrier() {
    Map<EnergyCarrier, Set<EnergyUnit>> out = new EnumMap<>(EnergyCarrier.class);
    indicators.ledger.energy.unitsByCarrier().forEach((carrier, units) ->
        out.put(carrier, units.isEmpty() ? EnumSet.noneOf(EnergyUnit.class) : EnumSet.copyOf(units)));
    return out;
  }

  /**
   * When an enterprise whose latest event is {@code latest} has been silent for the whole ledger
   * window, so nothing it holds can count any more and its state is cleared.
   */
  public Instant silentAfter(Instant latest) {
    return latest.atZone(FeedTime.ZONE).plusMonths(indicators.ledger.monthsKept).toInstant();
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder; the OS cleans it eventually
    }
  }
}
