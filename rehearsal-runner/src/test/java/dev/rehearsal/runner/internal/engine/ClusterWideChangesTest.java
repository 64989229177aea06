package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterWideChangesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE ROLE app_user LOGIN",
        "create user reporting",
        "DROP ROLE IF EXISTS app_user",
        "ALTER ROLE app_user SET search_path = app",
        "CREATE TABLESPACE fast LOCATION '/ssd'",
        "ALTER SYSTEM SET work_mem = '64MB'",
        "GRANT app_readers TO app_user",
        "REVOKE app_readers FROM app_user",
        "REASSIGN OWNED BY old_owner TO new_owner",
        "DO $$ BEGIN EXECUTE 'CREATE ROLE ' || quote_ident('x'); END $$"})
    void should_find_what_every_database_of_the_server_shares(String sql) {
        assertThat(ClusterWideChanges.in(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE TABLE users (id bigint PRIMARY KEY, role text)",
        "GRANT SELECT ON orders TO app_user",
        "REVOKE INSERT ON TABLE orders FROM PUBLIC",
        "ALTER TABLE orders ADD COLUMN user_name text",
        "CREATE INDEX orders_by_user ON orders (user_id)",
        "COMMENT ON COLUMN orders.database IS 'which database'"})
    void should_leave_changes_inside_one_database_alone(String sql) {
        assertThat(ClusterWideChanges.in(sql)).isFalse();
    }
}
