-- A dishonored return (the ODFI refuses the RDFI's return) or a contested dishonored return (the
-- RDFI contests that refusal) does not change the payment's status: the exchange between the two
-- banks decides whether the return stands, and a person follows it. The payment shows the latest.
ALTER TABLE payments
  ADD COLUMN return_dispute_kind text CHECK (return_dispute_kind IN ('dishonored', 'contested')),
  ADD COLUMN return_dispute_code text,
  ADD COLUMN return_dispute_reason text,
  ADD COLUMN return_disputed_at timestamptz;
