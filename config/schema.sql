-- Seedbed output tables (contract/outputs.md). The job runs this before it starts, so every
-- statement must be idempotent. Every table has a deterministic primary key: a replay after a
-- failure rewrites the same rows instead of adding new ones.
-- Statements are separated by a semicolon at the end of a line.

-- Append-only log of pool changes; what downstream systems subscribe to.
CREATE TABLE IF NOT EXISTS pool_change (
  change_id    text PRIMARY KEY,
  uscc         text NOT NULL,
  pool         text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  reason       text NOT NULL,
  event_time   timestamptz NOT NULL,
  rule_set     text,
  rule_version integer,
  criteria     jsonb,
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS pool_change_uscc ON pool_change (uscc);
CREATE INDEX IF NOT EXISTS pool_change_pool_time ON pool_change (pool, event_time);

-- Current state, one row per enterprise and pool.
CREATE TABLE IF NOT EXISTS pool_membership (
  uscc          text NOT NULL,
  pool          text NOT NULL,
  status        text NOT NULL,
  since         timestamptz NOT NULL,
  reason        text NOT NULL,
  score         double precision,
  blocked_until timestamptz,
  rule_set      text,
  rule_version  integer,
  criteria      jsonb,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (uscc, pool)
);
CREATE INDEX IF NOT EXISTS pool_membership_pool_status ON pool_membership (pool, status);

-- Early discovery: one row per enterprise and pool while it is a candidate.
CREATE TABLE IF NOT EXISTS candidate (
  uscc           text NOT NULL,
  pool           text NOT NULL,
  potential      double precision NOT NULL,
  met            integer NOT NULL,
  total          integer NOT NULL,
  gaps           jsonb,
  projected_date date,
  flagged_at     timestamptz NOT NULL,
  PRIMARY KEY (uscc, pool)
);
CREATE INDEX IF NOT EXISTS candidate_pool_potential ON candidate (pool, potential DESC);

-- Latest indicators, one row per enterprise. Ratios are fractions; money in yuan.
CREATE TABLE IF NOT EXISTS indicator_snapshot (
  uscc                        text PRIMARY KEY,
  as_of                       timestamptz NOT NULL,
  district                    text,
  industry                    text,
  sme_class                   text,
  sales_ttm                   double precision,
  sales_growth_yoy            double precision,
  operating_revenue_last_year double precision,
  main_business_share         double precision,
  revenue_growth_last_year    double precision,
  revenue_cagr_2y             double precision,
  net_margin                  double precision,
  debt_ratio                  double precision,
  rd_expense_last_year        double precision,
  rd_intensity_last_year      double precision,
  rd_intensity_prev_year      double precision,
  rd_staff_share              double precision,
  class1_ip                   integer,
  class2_ip                   integer,
  invention_patents           integer,
  energy_tce_ttm              double precision,
  sales_per_tce               double precision,
  tax_paid_ttm                double precision,
  tax_per_mu                  double precision,
  sales_per_mu                double precision,
  tax_credit_level            text,
  years_registered            double precision,
  years_in_niche              double precision,
  equity_financing_2y         double precision,
  updated_at                  timestamptz NOT NULL DEFAULT now()
);

-- Disqualifying incidents.
CREATE TABLE IF NOT EXISTS incident (
  incident_id  text PRIMARY KEY,
  uscc         text NOT NULL,
  category     text,
  severity     text,
  occurred_at  timestamptz NOT NULL,
  blocks_until timestamptz,
  source       text NOT NULL,
  detail       jsonb
);
CREATE INDEX IF NOT EXISTS incident_uscc ON incident (uscc);

-- Progress per district and pool against the plan's targets.
CREATE TABLE IF NOT EXISTS district_progress (
  district   text NOT NULL,
  pool       text NOT NULL,
  members    integer NOT NULL,
  candidates integer NOT NULL,
  suspended  integer NOT NULL,
  target     integer,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (district, pool)
);

-- Every line the feeds sent that could not be accepted, with the reason.
CREATE TABLE IF NOT EXISTS rejected_record (
  rejected_id text PRIMARY KEY,
  feed        text NOT NULL,
  reason      text NOT NULL,
  message     text NOT NULL,
  raw         text NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS rejected_record_feed_reason ON rejected_record (feed, reason);

-- The plan's one-off rewards for newly granted titles (measure 2).
CREATE TABLE IF NOT EXISTS reward (
  uscc        text NOT NULL,
  title       text NOT NULL,
  granted_at  timestamptz NOT NULL,
  amount      double precision NOT NULL,
  policy      text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (uscc, title, granted_at)
);

-- Roles (issue 9): the job writes as a member of seedbed_writer; downstream systems read as a
-- member of seedbed_reader and cannot change anything. Both are NOLOGIN group roles: grant them to
-- the login roles you create (CREATE ROLE pools_bi LOGIN PASSWORD ... IN ROLE seedbed_reader).
-- Creating roles needs CREATEROLE; the job's own user normally owns the tables already.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'seedbed_writer') THEN
    CREATE ROLE seedbed_writer NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'seedbed_reader') THEN
    CREATE ROLE seedbed_reader NOLOGIN;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO seedbed_writer, seedbed_reader;
-- Only what each table's write mode needs (io.seedbed.io.OutputTables): the append-only logs are
-- never updated or deleted, even by the job.
GRANT SELECT, INSERT ON pool_change, rejected_record TO seedbed_writer;
GRANT SELECT, INSERT, UPDATE ON pool_membership, indicator_snapshot, incident, district_progress,
  reward TO seedbed_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON candidate TO seedbed_writer;
GRANT SELECT ON pool_change, pool_membership, candidate, indicator_snapshot, incident,
  district_progress, rejected_record, reward TO seedbed_reader;
