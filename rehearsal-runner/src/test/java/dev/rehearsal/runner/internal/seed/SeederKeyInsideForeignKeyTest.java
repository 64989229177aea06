package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.report.SeedSummary.SeededTable;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A unique key made of some of a foreign key's columns (Ente's {@code trash}: keyed by {@code file_id}, referring to
 * {@code collection_files} by {@code (file_id, collection_id)}, where a file sits in several collections). Counting
 * through the referenced rows gave the key the same file twice, the server refused the rows, and the table stayed
 * empty for every later migration.
 */
class SeederKeyInsideForeignKeyTest {

    private static final int ROWS = 2_000;
    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_fill_a_table_keyed_by_part_of_its_foreign_key_with_distinct_keys() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("key_inside_fk");
             Connection connection = db.dataSource().getConnection()) {
            // GIVEN collection_files pairing files and collections, several rows per file, and trash keyed by file
            Sql.execute(connection, """
                    CREATE TABLE files (file_id bigserial PRIMARY KEY, name text NOT NULL);
                    CREATE TABLE collections (collection_id serial PRIMARY KEY, name text NOT NULL);
                    CREATE TABLE collection_files (
                      file_id bigint NOT NULL REFERENCES files (file_id),
                      collection_id integer NOT NULL REFERENCES collections (collection_id),
                      CONSTRAINT unique_collection_files_cid_fid UNIQUE (collection_id, file_id))""");
            SeedSummary parents = Seeder.seed(connection, SeedOptions.defaults().rows(ROWS));
            assertThat(parents.tables()).allSatisfy(t -> assertThat(t.rows()).isEqualTo(ROWS));
            long files = Sql.number(connection, "SELECT count(DISTINCT file_id) FROM collection_files");
            assertThat(files).isLessThan(ROWS); // files repeat: the trash can hold one row per distinct file
            Sql.execute(connection, """
                    CREATE TABLE trash (
                      file_id bigint NOT NULL,
                      collection_id bigint NOT NULL,
                      is_deleted bool NOT NULL DEFAULT false,
                      is_restored bool NOT NULL DEFAULT false,
                      delete_by bigint NOT NULL,
                      PRIMARY KEY (file_id),
                      CONSTRAINT fk_trash_keys_collection_files FOREIGN KEY (file_id, collection_id)
                        REFERENCES collection_files (file_id, collection_id),
                      CONSTRAINT trash_state_constraint CHECK (is_deleted IS FALSE OR is_restored IS FALSE))""");

            // WHEN seeded, as a chain's seedings share their counts and ordinals
            RowCounts counts = new RowCounts();
            SeededTable trash = trash(connection, counts);

            // THEN it holds rows for most distinct files (one each: the key), each a pair collection_files has; the
            // CHECK the generators do not read is left to filtering, which keeps about three rows in four
            assertThat(trash.rows()).isGreaterThan(files / 2).isLessThanOrEqualTo(files);
            assertThat(trash.note()).doesNotContain("duplicate key").contains("trash_state_constraint");
            assertThat(Sql.number(connection, "SELECT count(*) FROM trash t WHERE NOT EXISTS (SELECT 1 FROM collection_files c "
                    + "WHERE c.file_id = t.file_id AND c.collection_id = t.collection_id)")).isZero();

            // WHEN topped up: the rows there took some files, and the ordinals go on where the first filling's ended,
            // which the key's combinations map to the same files again
            SeededTable again = trash(connection, counts);

            // THEN most files left get rows too: the top-up draws other values than the CHECK refused the first time
            // (with the same ones, every file left came with is_deleted and is_restored both true again, and none was
            // added)
            assertThat(again.rows()).isGreaterThan(trash.rows() + (files - trash.rows()) / 2).isLessThanOrEqualTo(files);

            // WHEN topped up until every file has its row, and once more
            SeededTable full = again;
            for (int i = 0; i < 20 && full.rows() < files; i++) {
                full = trash(connection, counts);
            }
            SeededTable after = trash(connection, counts);

            // THEN the table is full, and the note says the key admits no more (not that the CHECK refused 0 rows)
            assertThat(full.rows()).isEqualTo(files);
            assertThat(after.rows()).isEqualTo(files);
            assertThat(after.note()).contains("unique key trash_pkey (file_id) admits only " + files)
                    .doesNotContain("rejected");
        }
    }

    private static SeededTable trash(Connection connection, RowCounts counts) {
        return Seeder.seed(connection, null, SeedOptions.defaults().rows(ROWS), ChainDemands.NONE, table -> true, counts)
                .tables().stream().filter(t -> t.relation().equals("public.trash")).findFirst().orElseThrow();
    }
}
