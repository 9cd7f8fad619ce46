-- Payment plans: future-dated and recurring payments. Occurrences are materialised ahead of time as
-- scheduled payments; materialized_through says how far.
CREATE TABLE payment_plans (
  id                    text PRIMARY KEY,
  client_id             text NOT NULL REFERENCES clients (id),
  funding_account_id    text NOT NULL,
  payee_id              text NOT NULL,
  amount                bigint NOT NULL CHECK (amount > 0),
  currency              char(3) NOT NULL,
  frequency             text NOT NULL CHECK (frequency IN ('once', 'weekly', 'biweekly', 'monthly')),
  start_date            date NOT NULL,
  end_date              date,
  occurrence_count      integer,
  day_of_month          integer,
  time_zone             text NOT NULL,
  description           text,
  status                text NOT NULL CHECK (status IN ('active', 'paused', 'canceled', 'completed')),
  materialized_through  date,
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL
);
CREATE INDEX payment_plans_client ON payment_plans (client_id, id DESC);
CREATE INDEX payment_plans_to_materialize ON payment_plans (materialized_through) WHERE status = 'active';

-- What the scheduler, the clearing engine and the bank-file intake need on a payment.
ALTER TABLE payments
  ADD COLUMN plan_id text REFERENCES payment_plans (id),
  ADD COLUMN occurrence_date date,
  ADD COLUMN effective_date date,
  ADD COLUMN due_at timestamptz,
  ADD COLUMN trace_number text,
  ADD COLUMN clearing_file_id text,
  ADD COLUMN return_code text,
  ADD COLUMN return_reason text;
-- one payment per plan occurrence, whatever the number of scheduler instances and restarts
CREATE UNIQUE INDEX payments_plan_occurrence ON payments (plan_id, occurrence_date) WHERE plan_id IS NOT NULL;
CREATE INDEX payments_due ON payments (due_at) WHERE status = 'scheduled';
CREATE INDEX payments_pending_effective ON payments (effective_date) WHERE status = 'pending';
CREATE UNIQUE INDEX payments_trace_number ON payments (trace_number) WHERE trace_number IS NOT NULL;
CREATE INDEX payments_clearing_file ON payments (clearing_file_id) WHERE clearing_file_id IS NOT NULL;
-- payments scheduled through the API before plans existed become due at the start of their date (UTC)
UPDATE payments SET due_at = scheduled_for::timestamp AT TIME ZONE 'UTC', effective_date = scheduled_for
  WHERE status = 'scheduled';
UPDATE payments SET effective_date = COALESCE(scheduled_for, (created_at AT TIME ZONE 'UTC')::date)
  WHERE effective_date IS NULL;

-- One row per cut-off: the unique key makes a cut-off run at most once across instances.
CREATE TABLE clearing_runs (
  cutoff_at    timestamptz PRIMARY KEY,
  started_at   timestamptz NOT NULL,
  file_count   integer NOT NULL DEFAULT 0,
  entry_count  integer NOT NULL DEFAULT 0
);

-- The NACHA files we wrote, with their content and its SHA-256, exactly as transmitted.
CREATE TABLE clearing_files (
  id                text PRIMARY KEY,
  cutoff_at         timestamptz NOT NULL,
  file_date         date NOT NULL,
  destination       text NOT NULL,
  file_id_modifier  char(1) NOT NULL,
  effective_date    date NOT NULL,
  content           text NOT NULL,
  sha256            text NOT NULL,
  line_count        integer NOT NULL,
  batch_count       integer NOT NULL,
  entry_count       integer NOT NULL,
  total_debit       bigint NOT NULL,
  total_credit      bigint NOT NULL,
  status            text NOT NULL CHECK (status IN ('created', 'transmitted', 'settled')),
  transmitted_at    timestamptz,
  settled_at        timestamptz,
  created_at        timestamptz NOT NULL,
  UNIQUE (file_date, destination, file_id_modifier)
);
CREATE INDEX clearing_files_created ON clearing_files (id DESC);

-- Trace numbers: the originating DFI's 8 digits + this sequence (7 digits), unique per payment.
CREATE SEQUENCE trace_sequence MINVALUE 1 MAXVALUE 9999999 CYCLE;

-- Bank files received (NACHA returns, BAI2 statements); the content hash makes a re-import a no-op.
CREATE TABLE bank_files (
  id            text PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('nacha_return', 'bai2_statement')),
  sha256        text NOT NULL UNIQUE,
  file_name     text,
  line_count    integer NOT NULL,
  summary       text NOT NULL,
  received_at   timestamptz NOT NULL
);

-- Lines that could not be matched, or that need a person (ambiguous matches, notifications of change).
CREATE TABLE reconciliation_exceptions (
  id             text PRIMARY KEY,
  bank_file_id   text NOT NULL REFERENCES bank_files (id),
  line           integer NOT NULL,
  reason         text NOT NULL,
  detail         text NOT NULL,
  amount         bigint,
  currency       char(3),
  value_date     date,
  payment_id     text,
  status         text NOT NULL CHECK (status IN ('open', 'resolved')),
  resolution     text,
  resolution_note text,
  resolved_by    text,
  resolved_at    timestamptz,
  created_at     timestamptz NOT NULL
);
CREATE INDEX reconciliation_exceptions_open ON reconciliation_exceptions (id DESC) WHERE status = 'open';

-- What each statement line or return entry was matched to, for the daily report.
CREATE TABLE reconciliation_matches (
  bank_file_id      text NOT NULL REFERENCES bank_files (id),
  line              integer NOT NULL,
  kind              text NOT NULL,
  value_date        date NOT NULL,
  amount            bigint NOT NULL,
  clearing_file_id  text,
  payment_id        text,
  PRIMARY KEY (bank_file_id, line)
);
CREATE INDEX reconciliation_matches_date ON reconciliation_matches (value_date);
