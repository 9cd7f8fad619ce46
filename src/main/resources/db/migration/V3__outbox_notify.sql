-- Wakes the outbox relays when events commit: NOTIFY is delivered at commit, once per transaction
-- and channel, so a statement-level trigger costs little on the payment path.
CREATE FUNCTION billpay_notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('billpay_outbox', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION billpay_notify_outbox();

CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;
