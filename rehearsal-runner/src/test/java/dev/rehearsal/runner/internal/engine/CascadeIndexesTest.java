package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.internal.catalog.CatalogSession;
import dev.rehearsal.runner.internal.catalog.CatalogSnapshot;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Removing generated rows must not read a referencing table once per deleted row: the foreign keys the removal goes
 * through get an index for the removal, and the schema is as before afterwards.
 */
class CascadeIndexesTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_index_the_unindexed_references_a_removal_cascades_through_and_drop_them_after() throws Exception {
        try (ScratchDatabase database = server.createDatabase("cascade");
             Connection connection = database.connect();
             Statement statement = connection.createStatement();
             CatalogSession catalog = CatalogSession.open(database.dataSource())) {
            // GIVEN a table referenced by itself and by a child (cascading, both unindexed), a grandchild that refers to
            // the child without an index, and a second child whose reference is indexed
            statement.execute("""
                    CREATE TABLE injects (id int PRIMARY KEY, depends_on int REFERENCES injects ON DELETE CASCADE,
                                          contract text);
                    CREATE TABLE injects_tags (inject_id int REFERENCES injects ON DELETE CASCADE, tag text,
                                               id int PRIMARY KEY);
                    CREATE TABLE tag_notes (tag_id int REFERENCES injects_tags ON DELETE SET NULL);
                    CREATE TABLE injects_docs (inject_id int REFERENCES injects ON DELETE CASCADE);
                    CREATE INDEX injects_docs_inject_id ON injects_docs (inject_id);
                    INSERT INTO injects SELECT g, CASE WHEN g > 1 THEN g - 1 END, CASE WHEN g % 2 = 0 THEN 'c' END
                      FROM generate_series(1, 2000) g;
                    INSERT INTO injects_tags SELECT g, 't', g FROM generate_series(1, 2000) g;
                    INSERT INTO tag_notes SELECT g FROM generate_series(1, 2000) g;
                    INSERT INTO injects_docs SELECT g FROM generate_series(1, 2000) g;""");
            CatalogSnapshot before = catalog.takeWhole();

            // WHEN the rows without a contract are removed with the indexes in place
            try (CascadeIndexes indexes = CascadeIndexes.around(connection, "public.injects")) {
                // THEN the self-reference, the child and the grandchild got one each; the indexed child none
                assertThat(indexes.created()).hasSize(3).allSatisfy(name -> assertThat(name)
                        .startsWith("public.rehearsal_removal_"));
                statement.execute("DELETE FROM public.injects t WHERE contract IS NULL");
            }

            // AND the removal cascaded as PostgreSQL does (every inject depends on the one before it, so all go)
            try (ResultSet rs = statement.executeQuery("SELECT (SELECT count(*) FROM injects), "
                    + "(SELECT count(*) FROM injects_tags), (SELECT count(*) FROM tag_notes WHERE tag_id IS NULL)")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
                assertThat(rs.getLong(2)).isZero();
                assertThat(rs.getLong(3)).isEqualTo(2000);
            }
            // AND the schema is the one before: the indexes are gone
            assertThat(catalog.takeWhole()).isEqualTo(before);
        }
    }

    @Test
    void should_follow_the_tables_a_delete_trigger_names_to_the_references_they_cascade_through() throws Exception {
        try (ScratchDatabase database = server.createDatabase("cascade_trigger");
             Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            // GIVEN items whose DELETE trigger deletes their entitlement, which cascades to grants that refer to it
            // through an index that does not lead with the key
            statement.execute("""
                    CREATE TABLE entitlements (id int PRIMARY KEY);
                    CREATE TABLE grants (namespace text, owner_id int REFERENCES entitlements ON DELETE CASCADE);
                    CREATE INDEX grants_namespace_owner_id ON grants (namespace, owner_id);
                    CREATE TABLE items (id int PRIMARY KEY, entitlement_id int REFERENCES entitlements);
                    CREATE FUNCTION delete_entitlement() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        DELETE FROM entitlements WHERE id = OLD.entitlement_id;
                        RETURN OLD;
                    END $$;
                    CREATE TRIGGER items_delete_entitlement AFTER DELETE ON items
                        FOR EACH ROW EXECUTE FUNCTION delete_entitlement();
                    INSERT INTO entitlements SELECT g FROM generate_series(1, 2000) g;
                    INSERT INTO grants SELECT 'n', g FROM generate_series(1, 2000) g;
                    INSERT INTO items SELECT g, g FROM generate_series(1, 2000) g;""");

            try (CascadeIndexes indexes = CascadeIndexes.around(connection, "public.items")) {
                // THEN the grants' reference got an index for the removal, and so did the items' reference to the
                // entitlements the trigger deletes (each deletion checks that no item still refers to it)
                java.util.List<String> definitions = new java.util.ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname LIKE "
                        + "'rehearsal_removal_%' ORDER BY 1")) {
                    while (rs.next()) {
                        definitions.add(rs.getString(1).replaceAll("INDEX \\S+ ON", "INDEX ON"));
                    }
                }
                assertThat(definitions).containsExactly("CREATE INDEX ON public.grants USING btree (owner_id)",
                        "CREATE INDEX ON public.items USING btree (entitlement_id)");
                assertThat(indexes.created()).hasSize(2);
                statement.execute("DELETE FROM public.items t WHERE true");
            }
            try (ResultSet rs = statement.executeQuery("SELECT (SELECT count(*) FROM entitlements), "
                    + "(SELECT count(*) FROM grants)")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
                assertThat(rs.getLong(2)).isZero();
            }
        }
    }
}
