-- The SQL peer's raw feed table: one row per accepted feed line, as a nightly batch job would land
-- it. The loader (io.seedbed.bench.SqlPeer) validates each line against the feed contract with
-- the same FeedDecoder as the job (rejected lines are not loaded) and COPYs the accepted line as
-- it came, with the contract's identity and event time of the record.
DROP SCHEMA IF EXISTS peer CASCADE;
CREATE SCHEMA peer;
CREATE TABLE peer.feed_record (
  uscc       text        NOT NULL,
  kind       text        NOT NULL,
  identity   text        NOT NULL,  -- contract/feeds.md identity: versions of one fact share it
  event_time timestamptz NOT NULL,  -- contract/feeds.md event time
  body       jsonb       NOT NULL   -- the line as delivered
);
-- Sector prefixes and bounds of config/sme-classification.yaml (loaded from that file).
CREATE TABLE peer.sme_prefix (prefix text PRIMARY KEY, sector text NOT NULL);
CREATE TABLE peer.sme_bound (
  sector text NOT NULL, tier text NOT NULL,       -- tier: smeCeiling, medium, small
  employees float8, revenue_wan float8, assets_wan float8,
  PRIMARY KEY (sector, tier)
);
