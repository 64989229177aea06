-- One query for the whole catalog: rows of (kind, name, definition, columns). Comments hold no semicolons
-- and no quotes, because the query travels in a batch of statements.
-- Runs with an empty search_path so that every regclass, regtype and regprocedure text and every deparsed
-- expression is schema-qualified, whatever the session had. Definitions hold no OIDs and no data.
-- relid is the relation an object belongs to (NULL for schemas, functions, types and the like): incremental
-- snapshots re-read only some relations, by replacing the marker RELATIONS with a filter on them, the marker
-- IDENTITY OF RELATIONS with one on the sequences among them, and the marker WHOLE CATALOG with FALSE, which
-- leaves out everything that belongs to no relation.
WITH ext_member AS (
    -- through pg_depend's index on what is referenced: every member references its extension
    SELECT classid, objid FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
), ns AS (
    SELECT n.oid, n.nspname, n.nspacl, n.nspowner, quote_ident(n.nspname) AS qname
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', '_rehearsal')
      AND n.nspname !~ '^pg_(toast_)?temp_'
      AND NOT EXISTS (SELECT 1 FROM ext_member e
                      WHERE e.classid = 'pg_namespace'::regclass AND e.objid = n.oid)
), rel AS (
    SELECT c.oid, c.relkind, c.relpersistence, c.relispartition, c.relpartbound, c.reloptions, c.relam,
           c.reloftype, c.relreplident, c.relrowsecurity, c.relforcerowsecurity, c.relacl, c.relowner,
           c.oid::regclass::text AS qname
    FROM pg_class c
    JOIN ns ON ns.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
      AND NOT (c.relname = 'flyway_schema_history' AND c.relkind IN ('r', 'p'))
      AND NOT EXISTS (SELECT 1 FROM ext_member e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid)
      AND /* RELATIONS */ TRUE
), identity_seq AS (
    -- sequences behind identity columns are described with their column, not listed on their own. Some
    -- relations read again hold the identity sequences of their tables too, which depend on them
    SELECT d.objid AS seqoid, d.refobjid AS reloid, d.refobjsubid AS attnum
    FROM pg_depend d
    WHERE d.classid = 'pg_class'::regclass AND d.objid >= 16384 AND d.refclassid = 'pg_class'::regclass
      AND d.deptype = 'i' AND d.refobjsubid > 0
      AND /* IDENTITY OF RELATIONS */ TRUE
), invalid_not_null AS (
    -- PostgreSQL 18 can add NOT NULL as NOT VALID, and the column says not null either way
    SELECT c.conrelid, c.conkey[1] AS attnum
    FROM pg_constraint c
    WHERE c.contype = 'n' AND NOT c.convalidated
), seq_limits AS (
    SELECT s.*,
           CASE WHEN s.seqincrement > 0 THEN 1 ELSE l.type_min END AS default_min,
           CASE WHEN s.seqincrement > 0 THEN l.type_max ELSE -1 END AS default_max
    FROM pg_sequence s
    CROSS JOIN LATERAL (SELECT CASE s.seqtypid WHEN 'int2'::regtype THEN -32768
                                               WHEN 'int4'::regtype THEN -2147483648
                                               ELSE -9223372036854775808 END AS type_min,
                               CASE s.seqtypid WHEN 'int2'::regtype THEN 32767
                                               WHEN 'int4'::regtype THEN 2147483647
                                               ELSE 9223372036854775807 END AS type_max) l
), seq_options AS (
    -- only the options that differ from what CREATE SEQUENCE would choose, to keep definitions short
    SELECT s.seqrelid, format_type(s.seqtypid, NULL) AS type,
           concat_ws(' ',
               'start ' || nullif(s.seqstart, CASE WHEN s.seqincrement > 0 THEN s.seqmin ELSE s.seqmax END),
               'increment ' || nullif(s.seqincrement, 1),
               'minvalue ' || nullif(s.seqmin, s.default_min),
               'maxvalue ' || nullif(s.seqmax, s.default_max),
               'cache ' || nullif(s.seqcache, 1),
               CASE WHEN s.seqcycle THEN 'cycle' END) AS options
    FROM seq_limits s
), obj (classoid, objoid, objsubid, kind, name, definition, acltype, acl, owner, relid) AS (
    SELECT 'pg_namespace'::regclass, ns.oid, 0, 'schema', ns.qname, '', 'n'::"char", ns.nspacl, ns.nspowner, NULL::oid
    FROM ns WHERE /* WHOLE CATALOG */ TRUE

    UNION ALL
    SELECT 'pg_class'::regclass, r.oid, 0,
           CASE r.relkind WHEN 'f' THEN 'foreign table' ELSE 'table' END, r.qname,
           concat_ws(', ',
               CASE r.relpersistence WHEN 'u' THEN 'unlogged' WHEN 't' THEN 'temporary' END,
               CASE WHEN r.relam <> 0 THEN 'using ' || (SELECT amname FROM pg_am WHERE oid = r.relam) END,
               'partition by ' || pg_get_partkeydef(r.oid),
               CASE WHEN r.relispartition THEN
                   'partition of ' || (SELECT string_agg(i.inhparent::regclass::text, ', ')
                                       FROM pg_inherits i WHERE i.inhrelid = r.oid)
                   || ' ' || pg_get_expr(r.relpartbound, r.oid)
               ELSE
                   'inherits ' || (SELECT string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno)
                                   FROM pg_inherits i WHERE i.inhrelid = r.oid)
               END,
               'of type ' || nullif(r.reloftype, 0)::regtype::text,
               'with (' || array_to_string(r.reloptions, ', ') || ')',
               CASE r.relreplident WHEN 'f' THEN 'replica identity full' WHEN 'n' THEN 'replica identity nothing'
                   WHEN 'i' THEN 'replica identity index' END,
               (SELECT 'server ' || quote_ident(s.srvname)
                       || coalesce(' options (' || array_to_string(ft.ftoptions, ', ') || ')', '')
                FROM pg_foreign_table ft JOIN pg_foreign_server s ON s.oid = ft.ftserver
                WHERE ft.ftrelid = r.oid)),
           'r', r.relacl, r.relowner, r.oid
    FROM rel r WHERE r.relkind IN ('r', 'p', 'f')

    UNION ALL
    SELECT NULL, NULL, NULL, 'row level security', r.qname,
           concat_ws(', ', CASE WHEN r.relrowsecurity THEN 'enabled' ELSE 'disabled' END,
                     CASE WHEN r.relforcerowsecurity THEN 'forced' END),
           NULL, NULL, NULL, r.oid
    FROM rel r WHERE r.relrowsecurity OR r.relforcerowsecurity

    UNION ALL
    SELECT 'pg_class'::regclass, r.oid, a.attnum, 'column', r.qname || '.' || quote_ident(a.attname),
           concat_ws(' ',
               format_type(a.atttypid, a.atttypmod),
               CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
                    THEN 'collate ' || a.attcollation::regcollation::text END,
               CASE WHEN a.attnotnull THEN 'not null' || CASE WHEN nn.attnum IS NULL THEN '' ELSE ' not valid' END END,
               CASE WHEN a.attgenerated = '' THEN 'default ' || pg_get_expr(ad.adbin, ad.adrelid) END,
               CASE a.attgenerated
                   WHEN 's' THEN 'generated always as (' || pg_get_expr(ad.adbin, ad.adrelid) || ') stored'
                   WHEN 'v' THEN 'generated always as (' || pg_get_expr(ad.adbin, ad.adrelid) || ') virtual'
               END,
               CASE a.attidentity WHEN 'a' THEN 'generated always as identity'
                                  WHEN 'd' THEN 'generated by default as identity' END
                   || coalesce(' (' || nullif(so.options, '') || ')', ''),
               CASE WHEN a.attstorage <> t.typstorage THEN 'storage ' ||
                   CASE a.attstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'm' THEN 'main'
                                     ELSE 'extended' END END),
           'c', a.attacl, r.relowner, r.oid
    FROM rel r
    -- per relation through pg_attribute's index (OFFSET 0 keeps the planner from hashing all of pg_attribute)
    CROSS JOIN LATERAL (SELECT * FROM pg_attribute a
                        WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped OFFSET 0) a
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    LEFT JOIN identity_seq i ON i.reloid = r.oid AND i.attnum = a.attnum
    LEFT JOIN seq_options so ON so.seqrelid = i.seqoid
    LEFT JOIN invalid_not_null nn ON nn.conrelid = r.oid AND nn.attnum = a.attnum
    WHERE r.relkind IN ('r', 'p', 'f')

    UNION ALL
    SELECT 'pg_constraint'::regclass, c.oid, 0, 'constraint', r.qname || '.' || quote_ident(c.conname),
           pg_get_constraintdef(c.oid)
               || CASE WHEN NOT c.convalidated AND pg_get_constraintdef(c.oid) !~ 'NOT VALID$'
                       THEN ' NOT VALID' ELSE '' END,
           NULL, NULL, NULL, r.oid
    FROM pg_constraint c JOIN rel r ON r.oid = c.conrelid
    WHERE c.contype NOT IN ('n', 't') -- NOT NULL is part of the column, constraint triggers are triggers

    UNION ALL
    SELECT 'pg_class'::regclass, i.indexrelid, 0, 'index', i.indexrelid::regclass::text,
           pg_get_indexdef(i.indexrelid)
               || CASE WHEN NOT i.indisvalid THEN ' INVALID' ELSE '' END
               || CASE WHEN i.indisprimary THEN ' (primary key)' ELSE '' END
               || CASE WHEN i.indisclustered THEN ' (clustered)' ELSE '' END
               || CASE WHEN i.indisreplident THEN ' (replica identity)' ELSE '' END,
           NULL, NULL, NULL, r.oid
    FROM pg_index i JOIN rel r ON r.oid = i.indrelid
    WHERE NOT EXISTS (SELECT 1 FROM ext_member e
                      WHERE e.classid = 'pg_class'::regclass AND e.objid = i.indexrelid)

    UNION ALL
    SELECT 'pg_class'::regclass, r.oid, 0, 'sequence', r.qname,
           concat_ws(' ', 'as ' || so.type, nullif(so.options, ''))
               || CASE WHEN r.relpersistence = 'u' THEN ' unlogged' ELSE '' END
               || coalesce((SELECT ' owned by ' || d.refobjid::regclass::text || '.' || quote_ident(a.attname)
                            FROM pg_depend d
                            JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                            WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid
                              AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'
                              AND d.refobjsubid > 0), ''),
           's', r.relacl, r.relowner, r.oid
    FROM rel r JOIN seq_options so ON so.seqrelid = r.oid
    WHERE r.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM identity_seq i WHERE i.seqoid = r.oid)

    UNION ALL
    SELECT 'pg_class'::regclass, r.oid, 0,
           CASE r.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END, r.qname,
           coalesce('with (' || array_to_string(r.reloptions, ', ') || ') ', '') || pg_get_viewdef(r.oid),
           'r', r.relacl, r.relowner, r.oid
    FROM rel r WHERE r.relkind IN ('v', 'm')

    UNION ALL
    SELECT 'pg_proc'::regclass, p.oid, 0,
           CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
           p.oid::regprocedure::text,
           CASE WHEN p.prokind = 'a' THEN
               (SELECT concat_ws(' ', 'sfunc ' || ag.aggtransfn::text,
                                 'stype ' || format_type(ag.aggtranstype, NULL),
                                 'finalfunc ' || nullif(ag.aggfinalfn::oid, 0)::regproc::text,
                                 'combinefunc ' || nullif(ag.aggcombinefn::oid, 0)::regproc::text,
                                 'initcond ' || quote_literal(ag.agginitval))
                FROM pg_aggregate ag WHERE ag.aggfnoid = p.oid)
           ELSE pg_get_functiondef(p.oid) END,
           'f', p.proacl, p.proowner, NULL
    FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
    -- objects made after initdb have OIDs from 16384 (FirstNormalObjectId) up: an index range, not a scan of the
    -- thousands of built-in functions
    WHERE /* WHOLE CATALOG */ TRUE AND p.oid >= 16384
      AND NOT EXISTS (SELECT 1 FROM ext_member e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid)
      AND NOT EXISTS (SELECT 1 FROM pg_depend d -- constructors that come with a range type
                      WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i')

    UNION ALL
    SELECT 'pg_trigger'::regclass, t.oid, 0, 'trigger', r.qname || '.' || quote_ident(t.tgname),
           pg_get_triggerdef(t.oid)
               || CASE t.tgenabled WHEN 'D' THEN ' (disabled)' WHEN 'R' THEN ' (enabled replica)'
                                   WHEN 'A' THEN ' (enabled always)' ELSE '' END,
           NULL, NULL, NULL, r.oid
    FROM pg_trigger t JOIN rel r ON r.oid = t.tgrelid
    WHERE NOT t.tgisinternal

    UNION ALL
    SELECT 'pg_type'::regclass, t.oid, 0,
           CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, t.oid::regtype::text,
           CASE t.typtype
               WHEN 'e' THEN
                   (SELECT 'enum (' || string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) || ')'
                    FROM pg_enum e WHERE e.enumtypid = t.oid)
               WHEN 'd' THEN
                   concat_ws(' ', 'over ' || format_type(t.typbasetype, t.typtypmod),
                       CASE WHEN t.typcollation <> 0 AND t.typcollation <>
                                 (SELECT b.typcollation FROM pg_type b WHERE b.oid = t.typbasetype)
                            THEN 'collate ' || t.typcollation::regcollation::text END,
                       CASE WHEN t.typnotnull THEN 'not null' END,
                       'default ' || pg_get_expr(t.typdefaultbin, 0),
                       (SELECT string_agg('constraint ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid),
                                          ' ' ORDER BY c.conname)
                        FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'))
               WHEN 'c' THEN
                   (SELECT 'composite (' || string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                            || CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation
                                    THEN ' collate ' || a.attcollation::regcollation::text ELSE '' END,
                            ', ' ORDER BY a.attnum) || ')'
                    FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                    WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)
               WHEN 'r' THEN
                   (SELECT concat_ws(' ', 'range of ' || format_type(rg.rngsubtype, NULL),
                                     'collate ' || nullif(rg.rngcollation, 0)::regcollation::text,
                                     'subtype_diff ' || nullif(rg.rngsubdiff::oid, 0)::regproc::text,
                                     'canonical ' || nullif(rg.rngcanonical::oid, 0)::regproc::text)
                    FROM pg_range rg WHERE rg.rngtypid = t.oid)
           END,
           'T', t.typacl, t.typowner, NULL
    FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
    WHERE /* WHOLE CATALOG */ TRUE AND t.oid >= 16384 -- made after initdb, as for functions
      AND (t.typtype IN ('e', 'd', 'r')
           OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
      AND NOT EXISTS (SELECT 1 FROM ext_member e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid)

    UNION ALL
    SELECT 'pg_extension'::regclass, x.oid, 0, 'extension', quote_ident(x.extname),
           'version ' || x.extversion || ' in schema ' || x.extnamespace::regnamespace::text,
           NULL, NULL, NULL, NULL
    FROM pg_extension x WHERE /* WHOLE CATALOG */ TRUE

    UNION ALL
    SELECT 'pg_policy'::regclass, p.oid, 0, 'policy', r.qname || '.' || quote_ident(p.polname),
           concat_ws(' ', CASE WHEN p.polpermissive THEN 'permissive' ELSE 'restrictive' END,
               'for ' || CASE p.polcmd WHEN 'r' THEN 'select' WHEN 'a' THEN 'insert' WHEN 'w' THEN 'update'
                                       WHEN 'd' THEN 'delete' ELSE 'all' END,
               'to ' || (SELECT string_agg(CASE WHEN ro.role = 0 THEN 'public' ELSE quote_ident(au.rolname) END,
                                           ', ' ORDER BY 1)
                         FROM unnest(p.polroles) AS ro(role) LEFT JOIN pg_roles au ON au.oid = ro.role),
               'using (' || pg_get_expr(p.polqual, p.polrelid) || ')',
               'with check (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')'),
           NULL, NULL, NULL, r.oid
    FROM pg_policy p JOIN rel r ON r.oid = p.polrelid

    UNION ALL
    SELECT 'pg_rewrite'::regclass, w.oid, 0, 'rule', r.qname || '.' || quote_ident(w.rulename),
           pg_get_ruledef(w.oid), NULL, NULL, NULL, r.oid
    FROM pg_rewrite w JOIN rel r ON r.oid = w.ev_class
    WHERE w.rulename <> '_RETURN'

    UNION ALL
    SELECT 'pg_statistic_ext'::regclass, s.oid, 0, 'statistics', ns.qname || '.' || quote_ident(s.stxname),
           pg_get_statisticsobjdef(s.oid), NULL, NULL, NULL, s.stxrelid
    FROM pg_statistic_ext s JOIN ns ON ns.oid = s.stxnamespace
    WHERE /* WHOLE CATALOG */ TRUE OR s.stxrelid IN (SELECT oid FROM rel)

    UNION ALL
    SELECT 'pg_event_trigger'::regclass, et.oid, 0, 'event trigger', quote_ident(et.evtname),
           'on ' || et.evtevent
               || coalesce(' when tag in (' || array_to_string(et.evttags, ', ') || ')', '')
               || ' execute ' || et.evtfoid::regprocedure::text
               || CASE et.evtenabled WHEN 'D' THEN ' (disabled)' WHEN 'R' THEN ' (enabled replica)'
                                     WHEN 'A' THEN ' (enabled always)' ELSE '' END,
           NULL, NULL, NULL, NULL
    FROM pg_event_trigger et
    WHERE /* WHOLE CATALOG */ TRUE AND et.evtname NOT LIKE 'rehearsal\_%'
      AND NOT EXISTS (SELECT 1 FROM ext_member e WHERE e.classid = 'pg_event_trigger'::regclass AND e.objid = et.oid)
), acl_target AS (
    -- ACLs to compare with the built-in default, a missing ACL being the default
    SELECT 'grant' AS kind, 'on ' || o.kind || ' ' || o.name AS target, o.owner, o.acl,
           acldefault(o.acltype, o.owner) AS default_acl, o.relid
    FROM obj o
    WHERE o.acl IS NOT NULL
    UNION ALL
    SELECT 'default privileges',
           'on ' || CASE da.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences'
                                          WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types' ELSE 'schemas' END
               || coalesce(' in schema ' || nullif(da.defaclnamespace, 0)::regnamespace::text, '')
               || ' created by ' || quote_ident(ro.rolname),
           da.defaclrole, da.defaclacl,
           -- global entries replace the built-in default, per-schema entries add to them, from nothing
           CASE WHEN da.defaclnamespace = 0
                THEN acldefault(CASE da.defaclobjtype WHEN 'S' THEN 's' ELSE da.defaclobjtype END, da.defaclrole)
                END,
           NULL
    FROM pg_default_acl da
    JOIN pg_roles ro ON ro.oid = da.defaclrole
    WHERE /* WHOLE CATALOG */ TRUE AND (da.defaclnamespace = 0 OR da.defaclnamespace IN (SELECT oid FROM ns))
), acl_grantee AS (
    SELECT t.kind, t.target, t.owner, t.relid, x.grantee, s.side,
           string_agg(DISTINCT x.privilege_type || CASE WHEN x.is_grantable THEN ' with grant option' ELSE '' END,
                      ', ') AS privileges
    FROM acl_target t
    CROSS JOIN LATERAL (VALUES ('actual', t.acl), ('default', t.default_acl)) AS s(side, acl)
    CROSS JOIN LATERAL aclexplode(s.acl) AS x
    GROUP BY t.kind, t.target, t.owner, t.relid, x.grantee, s.side
)
SELECT o.kind, o.name, o.definition, NULL::text[] AS columns, o.relid
FROM obj o

UNION ALL
-- looked up per object through pg_description's index: hashing all of it (thousands of built-in comments) costs more
SELECT 'comment', 'on ' || c.kind || ' ' || c.name, c.description, NULL, c.relid
FROM (SELECT o.kind, o.name, o.relid,
             (SELECT d.description FROM pg_description d
              WHERE d.objoid = o.objoid AND d.classoid = o.classoid AND d.objsubid = o.objsubid) AS description
      FROM obj o) c
WHERE c.description IS NOT NULL

UNION ALL
-- one row per grantee whose privileges differ from the default: the owner is called owner and the grantor is
-- left out, because owners differ between environments
SELECT coalesce(a.kind, d.kind),
       coalesce(a.target, d.target) || ' to '
           || CASE WHEN coalesce(a.grantee, d.grantee) = 0 THEN 'PUBLIC'
                   WHEN coalesce(a.grantee, d.grantee) = coalesce(a.owner, d.owner) THEN 'owner'
                   ELSE (SELECT quote_ident(rolname) FROM pg_roles WHERE oid = coalesce(a.grantee, d.grantee)) END,
       coalesce(a.privileges, 'none'), NULL, coalesce(a.relid, d.relid)
FROM (SELECT * FROM acl_grantee WHERE side = 'actual') a
FULL JOIN (SELECT * FROM acl_grantee WHERE side = 'default') d
    ON d.kind = a.kind AND d.target = a.target AND d.grantee = a.grantee
WHERE a.privileges IS DISTINCT FROM d.privileges

UNION ALL
-- column order, compared apart from the rest: a different order alone is not a schema difference
SELECT 'column order', r.qname, '', array_agg(a.attname::text ORDER BY a.attnum), r.oid
FROM rel r
CROSS JOIN LATERAL (SELECT a.attname, a.attnum FROM pg_attribute a
                    WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped OFFSET 0) a
WHERE r.relkind IN ('r', 'p', 'f')
GROUP BY r.qname, r.oid
