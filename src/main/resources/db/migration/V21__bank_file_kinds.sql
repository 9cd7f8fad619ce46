-- Bank transactions now also arrive as ISO 20022 statements and notifications and as signed push messages from
-- the bank; each is kept as a bank file of its own kind, so its content, hash and matches live in one place.
ALTER TABLE bank_files DROP CONSTRAINT bank_files_kind_check;
ALTER TABLE bank_files ADD CONSTRAINT bank_files_kind_check
  CHECK (kind IN ('nacha_return', 'bai2_statement', 'camt_statement', 'camt_notification', 'bank_notification'));
