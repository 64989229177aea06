// The build fails on the finding, quotes it with the script line and the fix, and names the HTML report it wrote.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Rehearsal: 1 finding breaks the policy (fail on error):')
assert log.contains('NON_CONCURRENT_INDEX src/main/resources/db/migration/V2__index_orders_by_customer.sql:1 '
        + 'Index built without CONCURRENTLY on public.orders')
assert log.contains('fix: -- in a migration of its own')
assert log.contains('CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer);')
def reports = new File(basedir, 'target/rehearsal')
assert log.contains('Report: ' + new File(reports, 'report.html').canonicalPath)
['report.json', 'report.md', 'report.html', 'junit.xml', 'report.sarif'].each {
    assert new File(reports, it).isFile() : "missing target/rehearsal/$it"
}
def json = new groovy.json.JsonSlurper().parse(new File(reports, 'report.json'))
assert json.verdict == 'fail'
assert json.migrations[1].findings*.code.contains('NON_CONCURRENT_INDEX')

// The project's own JUnit test ran before verify, passed, and wrote its reports under target/rehearsal-reports/.
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
def junitReports = new File(basedir, 'target/rehearsal-reports/com.example.orders.IndexRehearsalTest')
['report.json', 'report.md', 'report.html', 'junit.xml', 'report.sarif'].each {
    assert new File(junitReports, it).isFile() : "missing $junitReports/$it"
}
assert new groovy.json.JsonSlurper().parse(new File(junitReports, 'report.json')).migrations[1].findings*.code
        .contains('NON_CONCURRENT_INDEX')
