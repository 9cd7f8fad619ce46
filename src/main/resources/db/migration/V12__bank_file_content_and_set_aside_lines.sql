-- A bank file is kept as received, whatever was applied from it or set aside: a batch or entry
-- set aside can be read again where it stands, and the file can be handed back to the bank.
ALTER TABLE bank_files ADD COLUMN content bytea;

-- A batch set aside covers several lines: from its batch header (line) to its batch control.
ALTER TABLE reconciliation_exceptions ADD COLUMN last_line integer;
