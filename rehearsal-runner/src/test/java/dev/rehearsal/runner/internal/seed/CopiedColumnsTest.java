package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.internal.seed.CopiedColumns.Copy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which target columns an INSERT … SELECT fills from plain columns of the tables it reads. */
class CopiedColumnsTest {

    @Test
    void should_map_plain_columns_through_aliases_and_joins() {
        String sql = """
                INSERT INTO "EnvelopeItem" ("id", "title", "documentDataId", "envelopeId")
                SELECT gen_random_uuid(), d."title", d."documentDataId", e.id
                FROM "Document" d JOIN "Envelope" AS e ON e."secondaryId" = 'document_' || d.id
                WHERE d."deletedAt" IS NULL""";

        assertThat(CopiedColumns.of(sql)).containsExactly(
                new Copy("EnvelopeItem", "title", "Document", "title"),
                new Copy("EnvelopeItem", "documentDataId", "Document", "documentDataId"),
                new Copy("EnvelopeItem", "envelopeId", "Envelope", "id"));
    }

    @Test
    void should_map_unqualified_columns_of_a_single_table() {
        assertThat(CopiedColumns.of("insert into public.item (data_id, name) select data_id, upper(name) from doc"))
                .containsExactly(new Copy("item", "data_id", "doc", "data_id"));
    }

    @Test
    void should_read_the_column_a_copied_table_is_joined_on() {
        assertThat(CopiedColumns.of("INSERT INTO envelope (meta_id) SELECT dm.id FROM document d "
                + "LEFT JOIN \"DocumentMeta\" dm ON dm.\"documentId\" = d.id"))
                .containsExactly(new Copy("envelope", "meta_id", "DocumentMeta", "id", "documentId"));
        assertThat(CopiedColumns.of("INSERT INTO envelope (meta_id) SELECT dm.id FROM template t "
                + "JOIN meta AS dm ON t.id = dm.Template_Id WHERE t.deleted IS NULL"))
                .containsExactly(new Copy("envelope", "meta_id", "meta", "id", "template_id"));
        // a condition that is more than one equality of columns names no join column
        assertThat(CopiedColumns.of("INSERT INTO envelope (meta_id) SELECT dm.id FROM template t "
                + "JOIN meta dm ON dm.template_id = t.id AND dm.kind = 'x'"))
                .containsExactly(new Copy("envelope", "meta_id", "meta", "id", null));
    }

    @Test
    void should_read_nothing_it_cannot_be_sure_of() {
        // no column list, DISTINCT, a set operation, an unqualified column of two tables, VALUES
        assertThat(CopiedColumns.of("INSERT INTO item SELECT data_id FROM doc")).isEmpty();
        assertThat(CopiedColumns.of("INSERT INTO item (data_id) SELECT DISTINCT data_id FROM doc")).isEmpty();
        assertThat(CopiedColumns.of("INSERT INTO item (data_id) SELECT data_id FROM a UNION SELECT data_id FROM b"))
                .isEmpty();
        assertThat(CopiedColumns.of("INSERT INTO item (data_id) SELECT data_id FROM a JOIN b ON a.id = b.id")).isEmpty();
        assertThat(CopiedColumns.of("INSERT INTO item (data_id) VALUES (1)")).isEmpty();
    }

    @Test
    void should_carry_a_later_unique_key_and_not_null_back_to_the_copied_columns() {
        ChainDemands demands = ChainDemands.of(List.of(
                List.of("INSERT INTO item (data_id, name) SELECT d.data_id, d.name FROM doc d"),
                List.of("CREATE UNIQUE INDEX item_data_key ON item (data_id)",
                        "ALTER TABLE item ALTER COLUMN name SET NOT NULL")));

        PgType text = new PgType("text", TypeKind.TEXT, -1, List.of(), null, false, List.of(), "text");
        TableInfo doc = new TableInfo(1, "public", "doc", List.of(
                new ColumnInfo(1, "data_id", text, false, false, false, null, null),
                new ColumnInfo(2, "name", text, false, false, false, null, null)),
                List.of(), List.of(), List.of(), null);
        TableInfo shaped = demands.applyTo(doc);

        assertThat(shaped.uniqueKeys()).extracting(TableInfo.UniqueKey::attnums).containsExactly(List.of(1));
        assertThat(shaped.column("name").orElseThrow().notNull()).isTrue();
    }
}
