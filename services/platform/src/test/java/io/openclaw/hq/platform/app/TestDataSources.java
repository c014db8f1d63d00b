package io.openclaw.hq.platform.app;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Real Agroal pools for tests that need a database failing the way production sees it: one
 * pointed at a loopback port nobody listens on (PostgreSQL down), or a tiny pool on the embedded
 * PostgreSQL that runs out of connections.
 */
public final class TestDataSources {

    private TestDataSources() {
    }

    /** A pool whose every connection attempt is refused, as when PostgreSQL is down. */
    public static AgroalDataSource unreachable() {
        return pool(jdbcUrlAt(closedPort()), 2, Duration.ofSeconds(5));
    }

    /** A JDBC URL at a loopback port nobody listens on. */
    public static String jdbcUrlAt(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** A pool on the embedded PostgreSQL; with {@code maxSize} connections held, the next waits {@code acquisitionTimeout}. */
    public static AgroalDataSource embedded(int maxSize, Duration acquisitionTimeout) {
        return pool(EmbeddedPostgresResource.jdbcUrl(), maxSize, acquisitionTimeout);
    }

    /** A loopback port that was free a moment ago: bound and let go, so connecting to it is refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AgroalDataSource pool(String jdbcUrl, int maxSize, Duration acquisitionTimeout) {
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(maxSize).acquisitionTimeout(acquisitionTimeout)
                            .connectionFactoryConfiguration(factory -> factory.jdbcUrl(jdbcUrl)
                                    .connectionProviderClass(org.postgresql.Driver.class)
                                    .principal(new NamePrincipal("postgres"))
                                    .credential(new SimplePassword("postgres")))));
        } catch (SQLException e) {
            throw new IllegalStateException("test pool for " + jdbcUrl, e);
        }
    }
}
