-- Signed push messages from a bank, one row per (bank, notification id): the bank retries a message it is not sure
-- we received, so its id (not its content) says whether it is new. The row is claimed before the message is applied
-- (bank_file_id still null) and completed with the bank file the message became: a second message with the same id
-- and another body is refused before anything is applied, and a retry after a crash in between applies it then.
CREATE TABLE bank_notifications (
  bank             text NOT NULL,
  notification_id  text NOT NULL,
  body_sha256      text NOT NULL,
  type             text NOT NULL
    CHECK (type IN ('incoming_credit', 'settlement', 'return', 'notification_of_change')),
  bank_file_id     text REFERENCES bank_files (id),
  received_at      timestamptz NOT NULL,
  PRIMARY KEY (bank, notification_id)
);
