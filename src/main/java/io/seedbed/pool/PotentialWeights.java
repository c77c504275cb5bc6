package io.seedbed.pool;

import java.io.Serializable;

/** Weights of the candidate potential score (docs/discovery.md); they sum to 1. */
public record PotentialWeights(double met, double closeness, double trend) implements Serializable {}
