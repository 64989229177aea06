// spring.flyway.locations and spring.flyway.placeholders.* in application.yml chose the migrations and their values.
def log = new File(basedir, 'build.log').text
assert log.contains('spring.flyway.locations in src/main/resources/application.yml: classpath:db/changes')
assert log.contains('BUILD SUCCESS')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/rehearsal/report.json'))
assert json.verdict == 'pass'
assert json.migrations.size() == 1
assert json.migrations[0].script == 'src/main/resources/db/changes/V1__create_orders.sql'
assert json.migrations[0].statements.any { it.sql.contains('CREATE TABLE shop_orders') }
