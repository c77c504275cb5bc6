package io.seedbed.ledger;

import java.time.Instant;

/** Equity financing paid in (实缴) at one time, and whether by a qualified investor. Flink POJO. */
public class FinancingFact implements Versioned {
  public double amount;
  public boolean qualifiedInvestor;
  public Instant at;

  public FinancingFact() {}

  public FinancingFact(double amount, boolean qualifiedInvestor, Instant at) {
    this.amount = amount;
    this.qualifiedInvestor = qualifiedInvestor;
    this.at = at;
  }

  @Override
  public Instant versionTime() {
    return at;
  }

  @Override
  public String canonical() {
    return Boolean.toString(qualifiedInvestor);
  }
}
