-- Derives every entitlement from the generated one it was.
UPDATE entitlements SET note = 'backfilled';
