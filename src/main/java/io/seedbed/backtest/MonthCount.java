package io.seedbed.backtest;

import java.time.YearMonth;

/** Members of one pool at the end of one month (China time), in each run. */
public record MonthCount(YearMonth month, int baseline, int candidate) {}
