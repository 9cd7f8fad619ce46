-- Funding accounts and webhook endpoints publish events too (blocked, disabled, failing). Their event
-- ids are derived from the resource id and this version, as for payments, so a replay can never mint a
-- second event for the same change.
ALTER TABLE funding_accounts ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE webhook_endpoints ADD COLUMN version integer NOT NULL DEFAULT 1;
