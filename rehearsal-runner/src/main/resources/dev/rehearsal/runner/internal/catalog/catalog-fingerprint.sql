-- What changed in the catalog, cheaply: one row per relation made after initdb, with the count of its catalog rows
-- and a hash of their xmin, and one row for everything that belongs to no relation. A row that is inserted,
-- updated or deleted changes its count or its hash, so an unchanged row here means an unchanged object there.
-- Rows that belong to a relation: its pg_class row and those of its indexes, its columns, defaults, constraints,
-- indexes, triggers, policies, rules, parents, sequence options, statistics, foreign table options, comments on
-- any of them, and the dependencies that make a sequence owned by a column or an identity.
-- Everything else the snapshot prints (schemas, types, functions, extensions, roles, collations, operator
-- classes, comments on those...) counts as one, because a change there can change how any relation prints.
-- A few rows may name a relation the snapshot leaves out (a composite type's comments): a change there only makes
-- the snapshot read a relation it finds nothing for.
WITH rel AS (
    SELECT c.oid FROM pg_class c WHERE c.oid >= 16384 AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
), described AS (
    SELECT d.xmin AS x, CASE d.classoid
               WHEN 'pg_class'::regclass THEN
                   coalesce((SELECT i.indrelid FROM pg_index i WHERE i.indexrelid = d.objoid), d.objoid)
               WHEN 'pg_constraint'::regclass THEN
                   (SELECT nullif(c.conrelid, 0) FROM pg_constraint c WHERE c.oid = d.objoid)
               WHEN 'pg_trigger'::regclass THEN (SELECT t.tgrelid FROM pg_trigger t WHERE t.oid = d.objoid)
               WHEN 'pg_policy'::regclass THEN (SELECT p.polrelid FROM pg_policy p WHERE p.oid = d.objoid)
               WHEN 'pg_rewrite'::regclass THEN (SELECT w.ev_class FROM pg_rewrite w WHERE w.oid = d.objoid)
           END AS relid
    FROM pg_description d
    WHERE d.objoid >= 16384
), owned (relid, x) AS MATERIALIZED ( -- aggregated as a whole, never joined row by row
    SELECT c.oid, c.xmin FROM pg_class c JOIN rel ON rel.oid = c.oid
    UNION ALL SELECT i.indrelid, i.xmin FROM pg_index i WHERE i.indrelid >= 16384
    UNION ALL SELECT i.indrelid, c.xmin FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
              WHERE i.indrelid >= 16384
    UNION ALL SELECT a.attrelid, a.xmin FROM rel
              CROSS JOIN LATERAL (SELECT a.attrelid, a.xmin FROM pg_attribute a WHERE a.attrelid = rel.oid OFFSET 0) a
    UNION ALL SELECT ad.adrelid, ad.xmin FROM pg_attrdef ad WHERE ad.adrelid >= 16384
    UNION ALL SELECT c.conrelid, c.xmin FROM pg_constraint c WHERE c.conrelid >= 16384
    UNION ALL SELECT t.tgrelid, t.xmin FROM pg_trigger t WHERE t.tgrelid >= 16384
    UNION ALL SELECT p.polrelid, p.xmin FROM pg_policy p WHERE p.polrelid >= 16384
    UNION ALL SELECT w.ev_class, w.xmin FROM pg_rewrite w WHERE w.ev_class >= 16384
    UNION ALL SELECT i.inhrelid, i.xmin FROM pg_inherits i WHERE i.inhrelid >= 16384
    UNION ALL SELECT s.seqrelid, s.xmin FROM pg_sequence s WHERE s.seqrelid >= 16384
    UNION ALL SELECT s.stxrelid, s.xmin FROM pg_statistic_ext s WHERE s.stxrelid >= 16384
    UNION ALL SELECT f.ftrelid, f.xmin FROM pg_foreign_table f WHERE f.ftrelid >= 16384
    UNION ALL SELECT d.objid, d.xmin FROM pg_sequence s
              JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
              WHERE s.seqrelid >= 16384 AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
    UNION ALL SELECT d.relid, d.x FROM described d WHERE d.relid IS NOT NULL
), unowned (x) AS (
    SELECT n.xmin FROM pg_namespace n
    -- types that are not the row type of a relation (or an array of one): renaming a relation renames its row type
    UNION ALL SELECT t.xmin FROM pg_type t
              WHERE t.oid >= 16384
                AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')
                AND NOT EXISTS (SELECT 1 FROM pg_type e JOIN pg_class c ON c.oid = e.typrelid
                                WHERE e.oid = t.typelem AND c.relkind <> 'c')
    UNION ALL SELECT c.xmin FROM pg_class c WHERE c.oid >= 16384 AND c.relkind = 'c'
    UNION ALL SELECT a.xmin FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
              WHERE c.oid >= 16384 AND c.relkind = 'c'
    UNION ALL SELECT c.xmin FROM pg_constraint c WHERE c.contypid >= 16384
    UNION ALL SELECT e.xmin FROM pg_enum e
    UNION ALL SELECT r.xmin FROM pg_range r WHERE r.rngtypid >= 16384
    UNION ALL SELECT p.xmin FROM pg_proc p WHERE p.oid >= 16384
    UNION ALL SELECT a.xmin FROM pg_aggregate a WHERE a.aggfnoid >= 16384
    UNION ALL SELECT x.xmin FROM pg_extension x
    UNION ALL SELECT d.xmin FROM pg_depend d WHERE d.refclassid = 'pg_extension'::regclass
    UNION ALL SELECT e.xmin FROM pg_event_trigger e
    UNION ALL SELECT d.xmin FROM pg_default_acl d
    -- roles through pg_roles: pg_authid is readable by superusers only; a role's name and oid are what prints
    UNION ALL SELECT (hashtext(r.oid::text || ':' || r.rolname) & 2147483647)::text::xid FROM pg_roles r
    UNION ALL SELECT c.xmin FROM pg_collation c WHERE c.oid >= 16384
    UNION ALL SELECT l.xmin FROM pg_language l WHERE l.oid >= 16384
    UNION ALL SELECT a.xmin FROM pg_am a WHERE a.oid >= 16384
    UNION ALL SELECT o.xmin FROM pg_opclass o WHERE o.oid >= 16384
    UNION ALL SELECT o.xmin FROM pg_opfamily o WHERE o.oid >= 16384
    UNION ALL SELECT o.xmin FROM pg_operator o WHERE o.oid >= 16384
    UNION ALL SELECT t.xmin FROM pg_ts_config t WHERE t.oid >= 16384
    UNION ALL SELECT t.xmin FROM pg_ts_dict t WHERE t.oid >= 16384
    UNION ALL SELECT s.xmin FROM pg_foreign_server s
    UNION ALL SELECT w.xmin FROM pg_foreign_data_wrapper w
    UNION ALL SELECT d.x FROM described d WHERE d.relid IS NULL
    -- schemas and extensions made by initdb (public, plpgsql) have lower OIDs, and comments that can change
    UNION ALL SELECT d.xmin FROM pg_namespace n
              JOIN pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass
              WHERE n.oid < 16384
    UNION ALL SELECT d.xmin FROM pg_extension x
              JOIN pg_description d ON d.objoid = x.oid AND d.classoid = 'pg_extension'::regclass
              WHERE x.oid < 16384
)
SELECT o.relid::bigint AS relid, count(*) || ':' || sum(hashint8(o.x::text::bigint)::bigint) AS fingerprint
FROM owned o
GROUP BY o.relid
UNION ALL
SELECT NULL, count(*) || ':' || coalesce(sum(hashint8(u.x::text::bigint)::bigint), 0)
FROM unowned u
