-- A delivery being sent is leased (claimed_until) under a token (claim_token). The lease makes it
-- count against its endpoint's concurrency bound for every webhooks process, not only the one that
-- sends it; the token makes the result of an attempt apply only while the claim is still the one it
-- was sent under, so a late result (the lease expired and another process claimed the delivery, or
-- it was redelivered meanwhile) changes nothing. Both are NULL when the delivery is not being sent.
ALTER TABLE webhook_deliveries
  ADD COLUMN claim_token   uuid,
  ADD COLUMN claimed_until timestamptz;

-- "how many of this endpoint's deliveries are being sent": only rows under a lease, so it stays small
CREATE INDEX webhook_deliveries_claimed ON webhook_deliveries (endpoint_id, claimed_until)
  WHERE claimed_until IS NOT NULL;
-- "this endpoint's due deliveries, oldest first", read per endpoint when claiming
CREATE INDEX webhook_deliveries_endpoint_due ON webhook_deliveries (endpoint_id, next_attempt_at)
  WHERE status = 'pending';
