-- A camt statement can hold several transactions on one line (a file without line breaks) and a batch entry
-- several on one element, so a match is known by its locator (the line for BAI2 and NACHA, the element path for
-- camt), not by its line. The flow (credit or debit) and currency let the daily report total every source alike.
ALTER TABLE reconciliation_matches ADD COLUMN locator text, ADD COLUMN flow text, ADD COLUMN currency char(3),
  ADD COLUMN rule text;
UPDATE reconciliation_matches SET locator = 'line ' || line;
ALTER TABLE reconciliation_matches ALTER COLUMN locator SET NOT NULL;
ALTER TABLE reconciliation_matches DROP CONSTRAINT reconciliation_matches_pkey;
ALTER TABLE reconciliation_matches ADD PRIMARY KEY (bank_file_id, locator);
ALTER TABLE reconciliation_matches ADD CONSTRAINT reconciliation_matches_flow
  CHECK (flow IS NULL OR flow IN ('credit', 'debit'));
CREATE INDEX reconciliation_matches_payment ON reconciliation_matches (payment_id) WHERE payment_id IS NOT NULL;

ALTER TABLE reconciliation_exceptions ADD COLUMN locator text, ADD COLUMN flow text;
ALTER TABLE reconciliation_exceptions ADD CONSTRAINT reconciliation_exceptions_flow
  CHECK (flow IS NULL OR flow IN ('credit', 'debit', 'none'));
CREATE INDEX reconciliation_exceptions_date ON reconciliation_exceptions (value_date);

-- Returned payments a statement debit may show settling against us, found by when they were returned.
CREATE INDEX payments_returned ON payments (updated_at) WHERE status = 'returned';
