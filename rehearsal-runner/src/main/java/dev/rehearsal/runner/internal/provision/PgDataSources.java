package dev.rehearsal.runner.internal.provision;

import org.postgresql.ds.PGSimpleDataSource;

/** pgjdbc data sources with the properties every Rehearsal connection uses. */
final class PgDataSources {

    private PgDataSources() {
    }

    static PGSimpleDataSource of(String host, int port, String database, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {host});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(user);
        if (password != null) {
            dataSource.setPassword(password);
        }
        dataSource.setApplicationName("rehearsal");
        dataSource.setConnectTimeout(10);
        return dataSource;
    }

    static String jdbcUrl(String host, int port, String database, String user) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + user;
    }
}
