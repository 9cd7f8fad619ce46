-- A clearing file whose hand-over to the bank failed or was cut short has an unknown outcome: the
-- bank may or may not have it. Its payments become needs_review; nothing resubmits them by itself.
ALTER TABLE clearing_files DROP CONSTRAINT clearing_files_status_check;
ALTER TABLE clearing_files ADD CONSTRAINT clearing_files_status_check
  CHECK (status IN ('created', 'transmitted', 'transmission_unknown', 'settled'));
