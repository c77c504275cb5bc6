package io.seedbed.ledger;

import io.seedbed.feed.AnnualReturn;
import io.seedbed.feed.EnergyCarrier;
import io.seedbed.feed.EnergyUnit;
import io.seedbed.feed.FeedTime;
import io.seedbed.feed.IpEvent;
import io.seedbed.feed.IpEventType;
import io.seedbed.feed.IpType;
import io.seedbed.feed.MeterReading;
import io.seedbed.feed.Profile;
import io.seedbed.feed.Uscc;
import io.seedbed.feed.VatReturn;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

/** Shared test records for one enterprise, with times written as China local times. */
public final class Fixtures {
  public static final String USCC = "91371100MA3C00001" + Uscc.checkCharacter("91371100MA3C00001");
  public static final LedgerSettings SETTINGS = LedgerSettings.load(Path.of("config"));

  private Fixtures() {}

  /** {@code "2025-03-01T09:00"} in China. */
  public static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(FeedTime.ZONE).toInstant();
  }

  public static VatReturn vat(String period, double sales, double tax, String filedAt) {
    return new VatReturn(USCC, YearMonth.parse(period), sales, tax, at(filedAt));
  }

  public static AnnualReturn annual(int year, double revenue, double main, double net, double assets,
      double liabilities, double rd, int employees, int rdStaff, String filedAt) {
    return new AnnualReturn(USCC, year, revenue, main, net, assets, liabilities, rd, employees,
        rdStaff, at(filedAt));
  }

  public static MeterReading electricity(String from, String to, double kwh) {
    return new MeterReading(USCC, EnergyCarrier.ELECTRICITY, kwh, EnergyUnit.KWH,
        LocalDate.parse(from), LocalDate.parse(to), "M1");
  }

  public static IpEvent ip(String ipNo, IpType type, IpEventType event, String at) {
    return new IpEvent(USCC, ipNo, type, event, at(at));
  }

  /** A profile patch at {@code at} with the given fields (null = absent from the patch). */
  public static Profile profile(String at, String district, String industry, LocalDate registeredAt,
      Double landAreaMu, LocalDate nicheSince) {
    return new Profile(USCC, at(at), null, registeredAt, district, industry, null, null, landAreaMu,
        null, nicheSince, null, null, null, null, null, null, null, null, null);
  }
}
