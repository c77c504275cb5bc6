package io.seedbed.cli.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random draws for the generator. Every enterprise gets its own streams derived from
 * (city seed, enterprise index, stream number), so one enterprise's data never depends on how many
 * draws another enterprise made: the output is a pure function of the arguments.
 */
final class Rng {
  private final SplittableRandom random;

  Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The seed of stream {@code stream} of enterprise {@code index} in the city {@code citySeed}. */
  static long streamSeed(long citySeed, int index, int stream) {
    return mix(mix(citySeed * 0x9E3779B97F4A7C15L + index) + stream * 0xBF58476D1CE4E5B9L);
  }

  /** SplitMix64's finaliser: a bijective scramble of a long. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform value in [0, 1) that depends only on its key; for noise that must be the same wherever it is read. */
  static double hashUnit(long key) {
    return (mix(key) >>> 11) * 0x1.0p-53;
  }

  double unit() {
    return random.nextDouble();
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double between(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  /** Uniform integer in [lo, hi] inclusive. */
  int intIn(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  double gaussian(double mean, double sd) {
    // Box-Muller, so the sequence does not depend on JDK-specific Random#nextGaussian caching.
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return mean + sd * Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  double logNormal(double median, double sigma) {
    return median * Math.exp(gaussian(0, sigma));
  }

  /** Number of events of a Poisson process with rate {@code mean} (Knuth's method; means here are small). */
  int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** An index drawn with the given relative weights. */
  int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
