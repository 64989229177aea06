package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.provision.PostgresProvider;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL in a Docker container started by Testcontainers, from any image that behaves like the official
 * {@code postgres} image. Without Docker it fails at once with {@link ErrorCode#DOCKER_UNAVAILABLE}.
 */
public final class TestcontainersProvider implements PostgresProvider {

    private final String image;

    public TestcontainersProvider(String image) {
        if (image == null || image.isBlank()) {
            throw new RehearsalException(ErrorCode.INVALID_OPTION,
                    "The Testcontainers provider needs a PostgreSQL image, e.g. postgres:17 or postgis/postgis:17-3.5.");
        }
        this.image = image.strip();
    }

    @Override
    public String name() {
        return "testcontainers";
    }

    @Override
    public PostgresServer start() {
        DockerCheck.require(image);
        PostgreSQLContainer container;
        try {
            container = new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"));
        } catch (IllegalArgumentException e) {
            throw new RehearsalException(ErrorCode.INVALID_OPTION, "'" + image + "' is not a Docker image name: "
                    + e.getMessage() + ". Write it like postgres:17.", e);
        }
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new RehearsalException(ErrorCode.POSTGRES_START_FAILED, "The container " + image
                    + " did not start: " + e.getMessage() + ". Check that the image exists and runs PostgreSQL "
                    + "(docker run --rm -e POSTGRES_PASSWORD=x " + image + ").", e);
        }
        return new ContainerServer(container);
    }

    /** The container's server; closing it drops the scratch databases and stops the container. */
    private static final class ContainerServer implements PostgresServer {
        private final PostgreSQLContainer container;
        private final PostgresInfo info;
        private final ScratchDatabases databases;
        private final AtomicBoolean closed = new AtomicBoolean();

        ContainerServer(PostgreSQLContainer container) {
            this.container = container;
            DataSource admin = dataSource(container.getDatabaseName());
            PostgresInfo read = EmbeddedServer.readInfo(admin);
            this.info = new PostgresInfo(read.version(), read.major(), "testcontainers");
            this.databases = new ScratchDatabases(admin, null, CloneStrategy.SERVER_DEFAULT,
                    name -> new SimpleScratchDatabase(name, PgDataSources.jdbcUrl(container.getHost(), port(), name,
                            container.getUsername()), container.getUsername(), dataSource(name), this::drop), true);
        }

        private int port() {
            return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
        }

        private DataSource dataSource(String database) {
            return PgDataSources.of(container.getHost(), port(), database, container.getUsername(),
                    container.getPassword());
        }

        private void drop(String name) {
            if (!closed.get()) {
                databases.drop(name);
            }
        }

        @Override
        public PostgresInfo info() {
            return info;
        }

        @Override
        public ScratchDatabase createDatabase(String purpose) {
            if (closed.get()) {
                throw new IllegalStateException("the server is closed");
            }
            return databases.create(purpose);
        }

        @Override
        public ScratchDatabase createDatabase(String purpose, String template) {
            if (closed.get()) {
                throw new IllegalStateException("the server is closed");
            }
            return databases.create(purpose, template);
        }

        @Override
        public void close() {
            if (!closed.getAndSet(true)) {
                databases.closeSessions();
                container.stop();
            }
        }
    }
}
