-- Same-day ACH: a payment (and a plan, for its occurrences) is either standard or same-day. Existing rows and
-- clients that do not say are standard. The clearing engine gathers each speed apart, so the pending index
-- leads with it.
ALTER TABLE payments ADD COLUMN speed text NOT NULL DEFAULT 'standard'
  CONSTRAINT payments_speed CHECK (speed IN ('standard', 'same_day'));
ALTER TABLE payment_plans ADD COLUMN speed text NOT NULL DEFAULT 'standard'
  CONSTRAINT payment_plans_speed CHECK (speed IN ('standard', 'same_day'));
DROP INDEX payments_pending_effective;
CREATE INDEX payments_pending_effective ON payments (speed, effective_date) WHERE status = 'pending';
