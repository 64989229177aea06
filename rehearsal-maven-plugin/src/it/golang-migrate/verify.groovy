// An explicit filesystem: location outside the resources, read in the golang-migrate layout; only the chosen formats.
def log = new File(basedir, 'build.log').text
assert log.contains('<locations>: filesystem:db/migrations')
assert log.contains('golang-migrate layout')
assert log.contains('BUILD SUCCESS')
def reports = new File(basedir, 'target/rehearsal')
assert reports.list().sort() == ['report.html', 'report.json']
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'report.json'))
assert json.verdict == 'pass'
assert json.migrations*.undoScript == ['db/migrations/1_create_accounts.down.sql', 'db/migrations/2_add_accounts_email.down.sql']
assert json.migrations.every { it.roundTrip.schemaRestored }
