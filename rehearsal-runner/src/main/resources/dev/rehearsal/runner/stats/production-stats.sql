-- Rehearsal production statistics (format 1).
-- Read-only: it reads the catalog (pg_class, pg_namespace) and the size functions, never a row of your data, and
-- names schema objects only. It needs no privilege on the tables, so any role that can log in may run it.
-- Save the one value it returns as a file and give it to `rehearse run --production-stats FILE`, e.g.
--   psql -X -q -A -t -v ON_ERROR_STOP=1 -d yourdb -f production-stats.sql -o prod-stats.json
-- The row counts are the planner's estimates (as of the last VACUUM or ANALYZE); a table never analyzed has none.
-- The size functions wait for a table's ACCESS SHARE lock: while a migration may hold one, run it with a
-- lock_timeout (PGOPTIONS='-c lock_timeout=5s'); `rehearse stats --jdbc-url` does so itself.
SELECT json_build_object(
    'format', 'rehearsal-production-stats',
    'version', 1,
    'takenAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'serverVersion', current_setting('server_version'),
    'database', current_database(),
    'tables', COALESCE((
        SELECT json_agg(json_build_object(
                   'schema', t.schema, 'name', t.name, 'partitioned', t.partitioned,
                   'estimatedRows', t.estimated_rows, 'pages', t.pages, 'heapBytes', t.heap_bytes,
                   'toastBytes', t.toast_bytes, 'indexBytes', t.index_bytes)
               ORDER BY t.schema, t.name)
        FROM (
            SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'p' AS partitioned,
                   -- reltuples is -1 until the first VACUUM or ANALYZE (PostgreSQL 14+; 13 shows 0)
                   CASE WHEN bool_or(p.reltuples < 0) THEN NULL
                        ELSE COALESCE(sum(p.reltuples::float8), 0)::bigint END AS estimated_rows,
                   COALESCE(sum(p.relpages), 0)::bigint AS pages,
                   COALESCE(sum(pg_relation_size(p.oid)), 0)::bigint AS heap_bytes,
                   COALESCE(sum(CASE WHEN p.reltoastrelid = 0 THEN 0
                            ELSE pg_total_relation_size(p.reltoastrelid) END), 0)::bigint AS toast_bytes,
                   COALESCE(sum(pg_indexes_size(p.oid)), 0)::bigint AS index_bytes
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            -- a partitioned table is the sum of its leaf partitions; an ordinary table is itself
            LEFT JOIN LATERAL (
                SELECT c.oid AS relid WHERE c.relkind = 'r'
                UNION ALL
                SELECT tree.relid FROM pg_partition_tree(c.oid) tree
                WHERE c.relkind = 'p' AND tree.isleaf
            ) leaf ON true
            LEFT JOIN pg_class p ON p.oid = leaf.relid
            WHERE c.relkind IN ('r', 'p')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\_toast%'
              AND n.nspname NOT LIKE 'pg\_temp\_%'
            GROUP BY n.nspname, c.relname, c.relkind
        ) t), '[]'::json)) AS production_stats;
