-- The relations to re-read after a step: those whose catalog rows changed (the array parameter) and those whose
-- objects print something of them: a view reading a renamed table or column, a foreign key referencing it, a
-- default calling a renamed sequence, a column of its row type, and the table of an identity sequence.
WITH changed AS (
    SELECT unnest(?::oid[]) AS oid
), referenced (refclassid, refobjid) AS (
    SELECT 'pg_class'::regclass, ch.oid FROM changed ch
    UNION ALL SELECT 'pg_type'::regclass, c.reltype FROM changed ch JOIN pg_class c ON c.oid = ch.oid
    UNION ALL SELECT 'pg_type'::regclass, t.typarray
              FROM changed ch JOIN pg_class c ON c.oid = ch.oid JOIN pg_type t ON t.oid = c.reltype
), dependent AS MATERIALIZED (
    -- through pg_depend's index, object by object (OFFSET 0 keeps the planner from hashing all of pg_depend)
    SELECT d.classid, d.objid
    FROM referenced r
    CROSS JOIN LATERAL (SELECT d.classid, d.objid FROM pg_depend d
                        WHERE d.refclassid = r.refclassid AND d.refobjid = r.refobjid OFFSET 0) d
)
SELECT ch.oid FROM changed ch
UNION SELECT d.objid FROM dependent d WHERE d.classid = 'pg_class'::regclass
UNION SELECT i.indrelid FROM dependent d JOIN pg_index i ON i.indexrelid = d.objid
      WHERE d.classid = 'pg_class'::regclass
UNION SELECT ad.adrelid FROM dependent d JOIN pg_attrdef ad ON ad.oid = d.objid
      WHERE d.classid = 'pg_attrdef'::regclass
UNION SELECT c.conrelid FROM dependent d JOIN pg_constraint c ON c.oid = d.objid
      WHERE d.classid = 'pg_constraint'::regclass
UNION SELECT t.tgrelid FROM dependent d JOIN pg_trigger t ON t.oid = d.objid
      WHERE d.classid = 'pg_trigger'::regclass
UNION SELECT p.polrelid FROM dependent d JOIN pg_policy p ON p.oid = d.objid
      WHERE d.classid = 'pg_policy'::regclass
UNION SELECT w.ev_class FROM dependent d JOIN pg_rewrite w ON w.oid = d.objid
      WHERE d.classid = 'pg_rewrite'::regclass
UNION SELECT s.stxrelid FROM dependent d JOIN pg_statistic_ext s ON s.oid = d.objid
      WHERE d.classid = 'pg_statistic_ext'::regclass
UNION SELECT d.refobjid FROM changed ch
      CROSS JOIN LATERAL (SELECT d.refobjid FROM pg_depend d
                          WHERE d.classid = 'pg_class'::regclass AND d.objid = ch.oid
                            AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'i' OFFSET 0) d
