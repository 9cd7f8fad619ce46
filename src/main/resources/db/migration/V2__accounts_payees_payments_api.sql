-- Funding accounts: the payer's bank account. The account number or IBAN is stored only encrypted
-- (AES-GCM, key id kept for rotation); last4 is kept in clear for display.
CREATE TABLE funding_accounts (
  id                 text PRIMARY KEY,
  client_id          text NOT NULL REFERENCES clients (id),
  type               text NOT NULL CHECK (type IN ('us_bank_account', 'iban')),
  holder_name        text NOT NULL,
  routing_number     text,
  account_type       text,
  country            text,
  number_ciphertext  bytea NOT NULL,
  number_key_id      text NOT NULL,
  number_last4       text NOT NULL,
  status             text NOT NULL DEFAULT 'active',
  blocked_reason     text,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX funding_accounts_client ON funding_accounts (client_id, id DESC);

-- Payees: who gets paid (a biller account). Deleting is soft: history keeps pointing at them.
CREATE TABLE payees (
  id                 text PRIMARY KEY,
  client_id          text NOT NULL REFERENCES clients (id),
  display_name       text NOT NULL,
  biller_id          text NOT NULL,
  account_ciphertext bytea NOT NULL,
  account_key_id     text NOT NULL,
  account_last4      text NOT NULL,
  status             text NOT NULL DEFAULT 'active',
  created_at         timestamptz NOT NULL,
  deleted_at         timestamptz
);
CREATE INDEX payees_client ON payees (client_id, id DESC);

ALTER TABLE payments ADD COLUMN scheduled_for date;
CREATE INDEX payments_client_id ON payments (client_id, id DESC);

-- Per-client daily totals, updated conditionally in the payment's transaction so that concurrent
-- payments can never together exceed the daily limit.
CREATE TABLE client_daily_totals (
  client_id  text NOT NULL,
  day        date NOT NULL,
  currency   char(3) NOT NULL,
  total      bigint NOT NULL,
  PRIMARY KEY (client_id, day, currency)
);

ALTER TABLE api_keys ADD COLUMN mode text NOT NULL DEFAULT 'test';
