package dev.rehearsal.runner.internal.source;

import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.source.PrismaFolders.Folder;
import dev.rehearsal.runner.internal.source.TransactionControl.Kind;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the migrations of a Prisma Migrate directory: one per folder, in the order of the folder names as Prisma
 * applies them, {@code migration.sql} the migration and a {@code down.sql} beside it (as teams write with
 * {@code prisma migrate diff}) the undo. Prisma sends a file to PostgreSQL as one simple query, which the server runs
 * in one implicit transaction when it holds more than one statement: such a file is rehearsed in one transaction, so a
 * statement that cannot run in a transaction block fails there as it does under {@code prisma migrate deploy}. The
 * {@code BEGIN; … COMMIT;} blocks Prisma writes around enum changes are removed; each COMMIT ends a transaction there,
 * and the statements after it run in the next.
 */
final class PrismaMigrations {

    private static final String TOOL = "Prisma";
    private static final SectionRules RULES = new SectionRules(TOOL, "sends the file as one query",
            "a migration.sql holding that statement alone", "");
    private static final Pattern NAME = Pattern.compile("([0-9]+)_(.*)");

    private final FlywaySqlParser parser;

    PrismaMigrations(FlywaySqlParser parser) {
        this.parser = parser;
    }

    List<Migration> read(PrismaFolders prisma) {
        prisma.requireScripts();
        Map<String, Integer> timestamps = new HashMap<>();
        for (Folder folder : prisma.folders()) {
            timestamps.merge(timestamp(folder.name()), 1, Integer::sum);
        }
        List<Migration> migrations = new ArrayList<>();
        for (Folder folder : prisma.folders()) {
            Matcher name = NAME.matcher(folder.name());
            // Prisma names a migration by its folder; the timestamp alone is the version where it is unique.
            String version = timestamps.get(timestamp(folder.name())) == 1 ? timestamp(folder.name()) : folder.name();
            String description = name.matches() ? name.group(2).replace('_', ' ') : "";
            MigrationScript up = script(folder.migration());
            MigrationScript down = folder.down() == null ? null : script(folder.down());
            migrations.add(new Migration(version, description, MigrationKind.VERSIONED, up,
                    down == null || down.statements().isEmpty() ? null : down));
        }
        return migrations;
    }

    private static String timestamp(String folderName) {
        Matcher name = NAME.matcher(folderName);
        return name.matches() ? name.group(1) : folderName;
    }

    private MigrationScript script(FoundFile file) {
        String content = ScriptDecoder.decode(file.read(), file.displayPath());
        List<SqlStatement> statements = new ArrayList<>(parser.split(content, null, file.displayPath()));
        List<Integer> commitsAfter = new ArrayList<>();
        boolean blocks = removeTransactionBlocks(statements, commitsAfter, file);
        RULES.check(statements, false, file.displayPath());
        // One statement alone runs outside a transaction block, as PostgreSQL runs a one-statement query.
        Boolean inTransaction = blocks || statements.size() > 1 ? Boolean.TRUE : null;
        return new MigrationScript(file.displayPath(), content, statements, inTransaction, parser.checksum(content),
                null, commitsAfter);
    }

    /**
     * Removes {@code BEGIN; … COMMIT;} blocks. Inside Prisma's one query a block takes in the statements before it
     * (PostgreSQL turns the query's implicit transaction into the block), and its COMMIT commits them and releases
     * their locks; what follows runs in a new transaction, committed at the end of the query. The positions of those
     * commits go to {@code commitsAfter}. A ROLLBACK, or a block left open or closed twice, is refused: the file
     * would not do in production what the rehearsal shows.
     *
     * @return whether the file held such a block
     */
    private static boolean removeTransactionBlocks(List<SqlStatement> statements, List<Integer> commitsAfter,
                                                   FoundFile file) {
        boolean open = false;
        boolean any = false;
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            Kind kind = TransactionControl.of(statement);
            if (kind == null) {
                continue;
            }
            if (kind == Kind.OTHER || (kind == Kind.OPENS) == open) {
                throw new RehearsalException(ErrorCode.INVALID_SCRIPT, file.displayPath() + " line "
                        + statement.line() + ": " + TransactionControl.keyword(statement) + " cannot be rehearsed here."
                        + " Prisma sends the file as one query; Rehearsal takes BEGIN; … COMMIT; blocks in it (as"
                        + " Prisma writes them around enum changes), but not "
                        + (kind == Kind.OTHER ? "a rollback or a prepared transaction" : open
                                ? "a BEGIN inside an open block" : "a COMMIT without its BEGIN")
                        + ". Move the statements that need a transaction of their own into a migration folder of"
                        + " their own.");
            }
            open = kind == Kind.OPENS;
            any = true;
            if (kind == Kind.COMMITS) {
                TransactionControl.commitAfter(commitsAfter, i - 1);
            }
            statements.remove(i--);
        }
        TransactionControl.endCommits(commitsAfter, statements.size());
        if (open) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT, file.displayPath() + ": a BEGIN is never committed,"
                    + " so PostgreSQL rolls the migration back when Prisma's query ends. End the block with COMMIT;.");
        }
        return any;
    }
}
