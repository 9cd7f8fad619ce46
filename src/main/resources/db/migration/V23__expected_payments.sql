-- Money a client expects to arrive on our account (credit) or leave it (debit), and what reconciled it. The
-- counterparty's account number is sealed like a funding account's (AES-256-GCM, the row id bound to it); only
-- its last four characters are kept in clear. An exact amount is stored as a range of one value.
CREATE TABLE expected_payments (
  id                           text PRIMARY KEY,
  client_id                    text NOT NULL REFERENCES clients (id),
  direction                    text NOT NULL CHECK (direction IN ('credit', 'debit')),
  exact_amount                 boolean NOT NULL,
  amount_min_minor             bigint NOT NULL CHECK (amount_min_minor > 0),
  amount_max_minor             bigint NOT NULL,
  currency                     char(3) NOT NULL,
  window_start                 date NOT NULL,
  window_end                   date NOT NULL,
  counterparty_name            text,
  counterparty_ciphertext      bytea,
  counterparty_key_id          text,
  counterparty_last4           text,
  reference                    text,
  metadata                     jsonb NOT NULL DEFAULT '{}',
  status                       text NOT NULL CHECK (status IN ('unreconciled', 'partially_reconciled', 'reconciled',
                                 'overdue', 'archived')),
  reconciled_minor             bigint NOT NULL DEFAULT 0 CHECK (reconciled_minor >= 0),
  version                      integer NOT NULL,
  created_at                   timestamptz NOT NULL,
  updated_at                   timestamptz NOT NULL,
  CHECK (amount_max_minor >= amount_min_minor),
  CHECK (window_end >= window_start),
  CHECK ((counterparty_ciphertext IS NULL) = (counterparty_key_id IS NULL))
);
CREATE INDEX expected_payments_client ON expected_payments (client_id, id DESC);
-- what a bank statement may reconcile, found by window
CREATE INDEX expected_payments_open ON expected_payments (window_start, window_end)
  WHERE status IN ('unreconciled', 'partially_reconciled', 'overdue');
-- what the overdue sweep still has to look at
CREATE INDEX expected_payments_due ON expected_payments (window_end)
  WHERE status IN ('unreconciled', 'partially_reconciled');

-- The part of one bank transaction given to one expected payment. A transaction is known by its bank file and
-- locator (a camt element path or a BAI2 line), so importing the same file again inserts nothing. No foreign key
-- to bank_files: the reconciliation package owns that table and writes this in the same transaction.
CREATE TABLE expected_payment_transactions (
  expected_payment_id  text NOT NULL REFERENCES expected_payments (id),
  bank_file_id         text NOT NULL,
  locator              text NOT NULL,
  line                 integer NOT NULL,
  amount_minor         bigint NOT NULL CHECK (amount_minor > 0),
  value_date           date NOT NULL,
  bank_reference       text NOT NULL,
  rule                 text NOT NULL,
  matched_at           timestamptz NOT NULL,
  PRIMARY KEY (expected_payment_id, bank_file_id, locator)
);
