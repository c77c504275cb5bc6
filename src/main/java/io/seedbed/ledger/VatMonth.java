package io.seedbed.ledger;

import java.time.Instant;

/** One month of a VAT return (增值税申报): sales and all taxes paid. Flink POJO. */
public class VatMonth implements Versioned {
  /** The period as yyyymm. */
  public int month;
  public double sales;
  public double taxPaid;
  public Instant filedAt;

  public VatMonth() {}

  public VatMonth(int month, double sales, double taxPaid, Instant filedAt) {
    this.month = month;
    this.sales = sales;
    this.taxPaid = taxPaid;
    this.filedAt = filedAt;
  }

  @Override
  public Instant versionTime() {
    return filedAt;
  }

  @Override
  public String canonical() {
    return sales + "|" + taxPaid;
  }
}
