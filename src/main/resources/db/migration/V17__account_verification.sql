-- Account validation before the first debit. The account shows where it stands; each attempt to
-- verify it is a row of its own, with the entries it sent (their trace numbers, for the bank's
-- returns and notifications of change) and, for micro-entries, the amounts the holder must name.
ALTER TABLE funding_accounts
  ADD COLUMN verification_status text NOT NULL DEFAULT 'unverified'
    CHECK (verification_status IN ('unverified', 'verification_pending', 'verified', 'verification_failed')),
  ADD COLUMN verification_method text CHECK (verification_method IN ('prenote', 'micro_entries', 'external')),
  ADD COLUMN verification_failure text,
  ADD COLUMN verified_at timestamptz;

CREATE TABLE account_verifications (
  id                  text PRIMARY KEY,
  funding_account_id  text NOT NULL REFERENCES funding_accounts (id),
  client_id           text NOT NULL,
  method              text NOT NULL CHECK (method IN ('prenote', 'micro_entries', 'external')),
  -- awaiting_file: its entries go in the next clearing file; sent: they are in one; then the outcome
  status              text NOT NULL
    CHECK (status IN ('awaiting_file', 'sent', 'verified', 'failed', 'superseded')),
  credit_amounts      integer[],
  attempts            integer NOT NULL DEFAULT 0,
  trace_numbers       text[] NOT NULL DEFAULT '{}',
  clearing_file_id    text,
  settlement_date     date,
  -- a prenote verifies on this banking day when nothing came back; micro-entries expire after it
  decide_on           date,
  failure             text,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
-- at most one open attempt per account, so two requests cannot send two sets of entries
CREATE UNIQUE INDEX account_verifications_open ON account_verifications (funding_account_id)
  WHERE status IN ('awaiting_file', 'sent');
CREATE INDEX account_verifications_awaiting ON account_verifications (created_at) WHERE status = 'awaiting_file';
CREATE INDEX account_verifications_traces ON account_verifications USING gin (trace_numbers);
