-- Re-presentment of R01/R09 returns: each reinitiation is a payment of its own (its own trace number,
-- file and outcome), linked to the original. The original stays returned forever, so the money is
-- asked for once per attempt and never settles twice. retry_of always names the first attempt and
-- attempt counts from 1 (the original): the unique index keeps a chain at one payment per attempt
-- whatever the number of imports racing, and the check keeps it at two reinitiations.
ALTER TABLE payments
  ADD COLUMN retry_of text REFERENCES payments (id),
  ADD COLUMN attempt integer NOT NULL DEFAULT 1 CHECK (attempt BETWEEN 1 AND 3),
  ADD CONSTRAINT payments_retry_attempt CHECK ((retry_of IS NULL) = (attempt = 1));
CREATE UNIQUE INDEX payments_retry_of_attempt ON payments (retry_of, attempt) WHERE retry_of IS NOT NULL;
-- return rates read a client's recent entries by effective date
CREATE INDEX payments_client_effective ON payments (client_id, effective_date) WHERE trace_number IS NOT NULL;

-- Every correction of a funding account (a notification of change today): who, when, what. Account
-- numbers appear only by their last four digits, never in clear.
CREATE TABLE funding_account_changes (
  id                  text PRIMARY KEY,
  funding_account_id  text NOT NULL REFERENCES funding_accounts (id),
  client_id           text NOT NULL REFERENCES clients (id),
  change_code         text NOT NULL,
  source              text NOT NULL,
  source_reference    text,
  old_routing_number  text,
  new_routing_number  text,
  old_account_type    text,
  new_account_type    text,
  old_number_last4    text,
  new_number_last4    text,
  changed_at          timestamptz NOT NULL
);
CREATE INDEX funding_account_changes_account ON funding_account_changes (funding_account_id, changed_at);

-- A client's return rate over a threshold: one row while it stays over, so the crossing is told once
-- (event) and new debits can be paused while it lasts.
CREATE TABLE client_return_rate_breaches (
  client_id    text NOT NULL REFERENCES clients (id),
  category     text NOT NULL CHECK (category IN ('unauthorized', 'administrative', 'overall')),
  rate         numeric(7, 6) NOT NULL,
  threshold    numeric(7, 6) NOT NULL,
  returns      integer NOT NULL,
  entries      integer NOT NULL,
  crossed_at   timestamptz NOT NULL,
  PRIMARY KEY (client_id, category)
);
-- The version of a client's return-rate events (their ids), one sequence for all clients: it only goes up.
CREATE SEQUENCE return_rate_event_version;
