-- API clients and the SHA-256 hashes of their keys (the keys themselves are never stored).
CREATE TABLE clients (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  key_hash    bytea PRIMARY KEY,
  id          text NOT NULL UNIQUE,
  client_id   text NOT NULL REFERENCES clients (id),
  prefix      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

-- Amounts are integer minor units of an ISO 4217 currency.
CREATE TABLE payments (
  id                  text PRIMARY KEY,
  client_id           text NOT NULL REFERENCES clients (id),
  funding_account_id  text NOT NULL,
  payee_id            text NOT NULL,
  amount              bigint NOT NULL CHECK (amount > 0),
  currency            char(3) NOT NULL,
  reference           text,
  status              text NOT NULL,
  version             integer NOT NULL,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
-- A client's reference pays a bill once, forever, even after its idempotency key is purged.
CREATE UNIQUE INDEX payments_client_reference ON payments (client_id, reference) WHERE reference IS NOT NULL;
CREATE INDEX payments_client_created ON payments (client_id, created_at DESC, id DESC);

-- Stored with the effect, in the same transaction, so a replay answers exactly what was answered.
CREATE TABLE idempotency_keys (
  client_id        text NOT NULL,
  idempotency_key  text NOT NULL,
  fingerprint      bytea NOT NULL,
  response_status  integer NOT NULL,
  response_body    text NOT NULL,
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (client_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Transactional outbox: events written with the state change, relayed to Kafka after commit.
CREATE TABLE outbox (
  id           bigserial PRIMARY KEY,
  event_id     text NOT NULL UNIQUE,
  message_key  text NOT NULL,
  payload      text NOT NULL,
  created_at   timestamptz NOT NULL,
  sent_at      timestamptz
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
