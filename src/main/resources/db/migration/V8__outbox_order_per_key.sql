-- The relay claims only the oldest unsent event of each key (SPEC section 4: order per payment), so
-- two relays can never send a payment's later event before its earlier one; this index answers
-- "is there an older unsent event for this key?".
CREATE INDEX outbox_unsent_by_key ON outbox (message_key, id) WHERE sent_at IS NULL;
