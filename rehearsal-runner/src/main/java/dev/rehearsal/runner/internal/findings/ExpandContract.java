package dev.rehearsal.runner.internal.findings;

/** The rename that every running app version survives, written out as SQL for a finding's remediation. */
final class ExpandContract {

    private ExpandContract() {
    }

    static String insteadOf(Renames.Rename rename) {
        return rename.column() == null ? table(rename) : column(rename);
    }

    private static String column(Renames.Rename r) {
        String t = r.table();
        String old = r.column();
        String neu = r.newName();
        String sync = SqlShapes.derivedName(SqlShapes.simpleName(t), "sync", neu);
        return "Rename in steps that every running app version survives (expand → migrate → contract):\n"
                + "-- 1. expand: add the new column next to the old one\n"
                + "ALTER TABLE " + t + " ADD COLUMN " + neu + " <type of " + old + ">;\n"
                + "-- 2. dual-write: keep both columns filled while old and new app versions run\n"
                + "CREATE FUNCTION " + sync + "() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                + "BEGIN\n"
                + "  NEW." + neu + " := COALESCE(NEW." + neu + ", NEW." + old + ");\n"
                + "  NEW." + old + " := COALESCE(NEW." + old + ", NEW." + neu + ");\n"
                + "  RETURN NEW;\n"
                + "END $$;\n"
                + "CREATE TRIGGER " + sync + " BEFORE INSERT OR UPDATE ON " + t + "\n"
                + "  FOR EACH ROW EXECUTE FUNCTION " + sync + "();\n"
                + "-- 3. backfill in batches, in a migration of its own, until no row is left to do\n"
                + "--    (SKIP LOCKED can skip rows others hold: count the rows left, not the rows updated)\n"
                + "UPDATE " + t + " SET " + neu + " = " + old + " WHERE ctid IN (SELECT ctid FROM " + t + " WHERE " + neu
                + " IS NULL AND " + old + " IS NOT NULL LIMIT 10000 FOR UPDATE SKIP LOCKED);\n"
                + "-- 4. switch reads: deploy the app version that uses " + neu + " only, then retire the old one\n"
                + "-- 5. contract, in a later migration after the old version is retired:\n"
                + "DROP TRIGGER " + sync + " ON " + t + ";\n"
                + "DROP FUNCTION " + sync + "();\n"
                + "ALTER TABLE " + t + " DROP COLUMN " + old + ";";
    }

    private static String table(Renames.Rename r) {
        return "Keep the old name working until every app version that uses it is retired:\n"
                + "ALTER TABLE " + r.table() + " RENAME TO " + r.newName() + ";\n"
                + "CREATE VIEW " + r.table() + " AS SELECT * FROM " + r.newName()
                + ";  -- a simple view: INSERT, UPDATE and DELETE pass through\n"
                + "-- later, in a migration after the old version is retired:\n"
                + "DROP VIEW " + r.table() + ";";
    }
}
