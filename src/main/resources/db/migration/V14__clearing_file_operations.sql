-- File operations: a file the bank may or may not have can be sent again (same bytes, same id), and a
-- file not yet handed over can be cancelled, its payments going back to pending for the next cut-off.
--
-- 'transmitting' is committed before a hand-over starts, so a file is cancellable only while no byte
-- of it can have reached the bank: a crash in the middle of an upload leaves 'transmitting', which the
-- abandoned-file check turns into 'transmission_unknown', never back into 'created'.
ALTER TABLE clearing_files DROP CONSTRAINT clearing_files_status_check;
ALTER TABLE clearing_files ADD CONSTRAINT clearing_files_status_check
  CHECK (status IN ('created', 'transmitting', 'transmitted', 'transmission_unknown', 'settled', 'cancelled'));
-- when the current hand-over started (the first, or a retransmission): how the abandoned check ages it
ALTER TABLE clearing_files ADD COLUMN handover_started_at timestamptz;
ALTER TABLE clearing_files ADD COLUMN cancelled_at timestamptz;

-- Who asked for which operation on which file and why: every retransmission and cancellation, kept.
CREATE TABLE clearing_file_operations (
  id            text PRIMARY KEY,
  file_id       text NOT NULL REFERENCES clearing_files (id),
  kind          text NOT NULL CHECK (kind IN ('retransmit', 'cancel')),
  requested_by  text NOT NULL,
  reason        text NOT NULL,
  request_id    text,
  -- a retransmission's hand-over: pending until it ends, then transmitted or failed
  outcome       text NOT NULL CHECK (outcome IN ('pending', 'transmitted', 'failed', 'cancelled')),
  detail        text,
  created_at    timestamptz NOT NULL,
  completed_at  timestamptz
);
CREATE INDEX clearing_file_operations_file ON clearing_file_operations (file_id, created_at);
