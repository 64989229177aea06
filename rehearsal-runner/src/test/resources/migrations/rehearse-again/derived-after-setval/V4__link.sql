-- OpenMeter's 20250821121421, shortened: a backfill from another table, then NOT NULL.
ALTER TABLE entitlements ADD COLUMN customer_id character(26);
UPDATE entitlements e SET customer_id = cs.customer_id FROM customer_subjects cs
WHERE cs.namespace = e.namespace AND cs.subject_key = e.subject_key AND cs.deleted_at IS NULL;
ALTER TABLE entitlements ALTER COLUMN customer_id SET NOT NULL;
