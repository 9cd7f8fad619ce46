-- The relays are woken in process when events commit, and poll for those of other processes. A
-- NOTIFY per commit made PostgreSQL serialise the commits of every transaction that wrote events
-- (one cluster-wide lock held until the commit record is flushed), so they could not share an fsync.
DROP TRIGGER outbox_notify ON outbox;
DROP FUNCTION billpay_notify_outbox();
