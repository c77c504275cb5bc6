package io.seedbed.pool;

import java.io.Serializable;

/** The plan's one-off reward for a newly granted title: amount in yuan and the clause granting it. */
public record Reward(String title, double amount, String policy) implements Serializable {}
