-- Webhook endpoints of a client. The signing secret is stored sealed (AES-GCM), the previous one is
-- kept until previous_secret_expires_at so both signatures are sent during a rotation.
CREATE TABLE webhook_endpoints (
  id                          text PRIMARY KEY,
  client_id                   text NOT NULL REFERENCES clients (id),
  url                         text NOT NULL,
  event_types                 text[] NOT NULL,
  description                 text,
  secret_ciphertext           bytea NOT NULL,
  secret_key_id               text NOT NULL,
  previous_secret_ciphertext  bytea,
  previous_secret_key_id      text,
  previous_secret_expires_at  timestamptz,
  enabled                     boolean NOT NULL DEFAULT true,
  status                      text NOT NULL DEFAULT 'active',
  created_at                  timestamptz NOT NULL,
  updated_at                  timestamptz NOT NULL,
  deleted_at                  timestamptz
);
CREATE INDEX webhook_endpoints_client ON webhook_endpoints (client_id, id DESC);

-- One delivery per (endpoint, event): the dispatcher may see an event twice, the endpoint gets it once
-- per redelivery request. Attempts are persisted, so retries survive restarts.
CREATE TABLE webhook_deliveries (
  id               text PRIMARY KEY,
  endpoint_id      text NOT NULL REFERENCES webhook_endpoints (id),
  client_id        text NOT NULL,
  event_id         text NOT NULL,
  event_type       text NOT NULL,
  payload          text NOT NULL,
  status           text NOT NULL,
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz,
  last_status_code integer,
  last_error       text,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id DESC);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (client_id, event_id);

CREATE TABLE webhook_attempts (
  id                bigserial PRIMARY KEY,
  delivery_id       text NOT NULL REFERENCES webhook_deliveries (id),
  attempt           integer NOT NULL,
  attempted_at      timestamptz NOT NULL,
  status_code       integer,
  latency_ms        integer NOT NULL,
  response_snippet  text,
  error             text
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt);
