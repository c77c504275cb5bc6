package io.seedbed.backtest;

/** One pool's totals and differences within one district (区县). */
public record DistrictCounts(String district, int baselineMembers, int candidateMembers,
    int enters, int leaves, int statusChanges) {}
