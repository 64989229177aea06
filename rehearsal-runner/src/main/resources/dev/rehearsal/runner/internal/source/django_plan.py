"""Prints a Django project's migration plan as JSON: for every migration, in the order `showmigrations --plan`
lists them, the SQL `sqlmigrate` writes for it forwards and backwards.

Usage: python django_plan.py PROJECT_DIR [SETTINGS_MODULE]

The SQL is written without a database: the default database is pointed at a PostgreSQL socket that does not exist,
so nothing Rehearsal does not own is ever reached, and an operation that asks a live database (a constraint's name,
for an AlterField or RemoveField of a foreign key) is told as such ("needs-database"). Rehearsal then runs this again
with REHEARSAL_DJANGO_DB naming a scratch database of its own ({"host", "port", "user", "name"}): each migration's
SQL is written, then run there, so that the next one is written against the schema the previous ones left, as
`migrate` would leave it. Errors are printed as {"error": kind, "message": text} with exit status 3.
"""
import json
import os
import re
import sys


def fail(kind, message):
    json.dump({"error": kind, "message": message}, sys.stdout)
    sys.stdout.flush()
    sys.exit(3)


def last_line(error):
    text = str(error).strip() or type(error).__name__
    return type(error).__name__ + ": " + text.splitlines()[-1] if "\n" in text else type(error).__name__ + ": " + text


def settings_module(project, given):
    if given:
        return given
    with open(os.path.join(project, "manage.py"), encoding="utf-8") as manage:
        found = re.search(r"""DJANGO_SETTINGS_MODULE['"]\s*,\s*['"]([\w.]+)['"]""", manage.read())
    if not found:
        fail("settings", "manage.py does not name a settings module (os.environ.setdefault("
                         "'DJANGO_SETTINGS_MODULE', ...)): give it with the Django settings option")
    return found.group(1)


def main():
    project = os.path.abspath(sys.argv[1])
    module = settings_module(project, sys.argv[2] if len(sys.argv) > 2 else "")
    sys.path.insert(0, project)
    os.chdir(project)
    os.environ["DJANGO_SETTINGS_MODULE"] = module
    try:
        import django
    except ImportError:
        fail("django-missing", "this Python (" + sys.executable + ") cannot import django: install Django for it "
                               "(pip install django, or apt-get install python3-django), or choose another Python")
    from django.conf import settings
    try:
        settings.INSTALLED_APPS
    except Exception as error:
        fail("settings", "the settings module " + module + " cannot be loaded: " + last_line(error))
    scratch = json.loads(os.environ["REHEARSAL_DJANGO_DB"]) if os.environ.get("REHEARSAL_DJANGO_DB") else None
    if scratch:
        settings.DATABASES = {"default": {
            "ENGINE": "django.db.backends.postgresql", "NAME": scratch["name"], "HOST": scratch["host"],
            "PORT": str(scratch["port"]), "USER": scratch["user"]}}
    else:
        # Never the project's database: the SQL is written for PostgreSQL, and a connection attempt fails at once.
        settings.DATABASES = {"default": {
            "ENGINE": "django.db.backends.postgresql", "NAME": "rehearsal_sql_only",
            "HOST": os.path.join(project, ".rehearsal-no-server"), "PORT": "1", "USER": "rehearsal"}}
    try:
        django.setup()
        from django.db import connection
        from django.db.migrations.loader import MigrationLoader
        loader = MigrationLoader(None, ignore_no_migrations=True)
    except Exception as error:
        fail("django", "Django could not load the project's migrations: " + last_line(error))
    conflicts = loader.detect_conflicts()
    if conflicts:
        names = "; ".join("%s: %s" % (app, ", ".join(sorted(leaves))) for app, leaves in sorted(conflicts.items()))
        fail("django", "Conflicting migrations detected (" + names + "): Django refuses to migrate; merge them with "
                       "python manage.py makemigrations --merge")
    plan, seen = [], set()
    for target in loader.graph.leaf_nodes():
        for key in loader.graph.forwards_plan(target):
            if key not in seen:
                seen.add(key)
                plan.append(key)
    from django.db.migrations.state import ProjectState
    state = ProjectState(real_apps=list(loader.unmigrated_apps))
    out = []
    for key in plan:
        migration = loader.graph.nodes[key]
        before = state.clone()
        try:
            up, state = collect(connection, migration, before, backwards=False)
        except Exception as error:
            fail(*failure(migration, "forwards", error, scratch))
        if scratch:
            try:
                run(connection, up)
            except Exception as error:
                fail("django", "%s.%s: its SQL failed on Rehearsal's scratch database while the next migrations' SQL was"
                               " being written: %s" % (migration.app_label, migration.name, last_line(error)))
        down, irreversible = None, None
        blocking = [op for op in migration.operations if not op.reversible]
        if blocking:
            irreversible = "; ".join(op.describe() for op in blocking)
        else:
            try:
                down, _ = collect(connection, migration, before, backwards=True)
            except Exception as error:
                fail(*failure(migration, "backwards", error, scratch))
        lines = operation_lines(migration)
        out.append({
            "app": migration.app_label,
            "name": migration.name,
            "file": os.path.relpath(sys.modules[type(migration).__module__].__file__, project),
            "atomic": bool(migration.atomic),
            "up": up,
            "upLines": source_lines(up, lines),
            "down": down,
            "downLines": None if down is None else source_lines(down, list(reversed(lines))),
            "irreversible": irreversible,
            "python": [op.describe() for op in migration.operations if not op.reduces_to_sql],
        })
    json.dump({"django": django.get_version(), "settings": module, "migrations": out}, sys.stdout)


def collect(connection, migration, state, backwards):
    # atomic=False: no transaction is opened (that would connect); whether the migration is atomic is reported apart
    with connection.schema_editor(collect_sql=True, atomic=False) as editor:
        if backwards:
            migration.unapply(state.clone(), editor, collect_sql=True)
            after = None
        else:
            after = migration.apply(state.clone(), editor, collect_sql=True)
    return editor.collected_sql, after


def operation_lines(migration):
    """The line of each operation in the migration's file, where `operations = [...]` lists them; None where unknown."""
    import ast
    count = len(migration.operations)
    try:
        with open(sys.modules[type(migration).__module__].__file__, encoding="utf-8") as source:
            tree = ast.parse(source.read())
    except (OSError, SyntaxError, ValueError):
        return [None] * count
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == type(migration).__name__:
            for statement in node.body:
                if (isinstance(statement, ast.Assign) and isinstance(statement.value, (ast.List, ast.Tuple))
                        and any(isinstance(t, ast.Name) and t.id == "operations" for t in statement.targets)
                        and len(statement.value.elts) == count):
                    return [element.lineno for element in statement.value.elts]
    return [None] * count


def source_lines(collected, lines):
    """For each collected entry, the file line of the operation that wrote it. Django frames each operation's SQL
    with a "--" line before and after its description; SQL deferred to the end goes with the last operation."""
    result, frames = [], 0
    for entry in collected:
        if entry == "--":
            frames += 1
        index = max(0, (frames - 1) // 2)
        result.append(lines[index] if index < len(lines) else None)
    return result


def run(connection, statements):
    with connection.cursor() as cursor:
        for sql in statements:
            if not sql.startswith("--"):
                cursor.execute(sql)


def failure(migration, direction, error, scratch):
    where = "%s.%s (%s)" % (migration.app_label, migration.name, direction)
    from django.db.utils import OperationalError
    if not scratch and (isinstance(error, OperationalError) or "could not connect" in str(error)):
        return "needs-database", where + ": Django asks a live database to write this migration's SQL: " + last_line(error)
    return "django", where + ": " + last_line(error)


if __name__ == "__main__":
    main()
