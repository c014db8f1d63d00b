package io.openclaw.hq.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.platform.app.TestDataSources;
import io.openclaw.hq.platform.runs.RunStore;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Which failures mean "the database cannot be reached" (503) and which are bugs (500), decided on
 * real failures: a refused connection, an exhausted Agroal pool, a session PostgreSQL terminated,
 * and errors a live PostgreSQL answered. Then what the mapper makes of each.
 */
class DatabaseUnavailableTest {

    private static final String USER = "postgres";

    @Test
    void aRefusedConnectionIsTheDatabaseBeingUnavailable() {
        Throwable direct = catchThrowable(() -> DriverManager.getConnection(
                TestDataSources.jdbcUrlAt(TestDataSources.closedPort()), USER, USER).close());
        assertThat(direct).isInstanceOf(SQLException.class);
        assertThat(((SQLException) direct).getSQLState()).startsWith("08");
        assertThat(DatabaseUnavailable.explains(direct)).isTrue();

        // as the services meet it: through the pool and the store, wrapped
        try (AgroalDataSource down = TestDataSources.unreachable()) {
            Throwable viaStore = catchThrowable(() -> new RunStore(down).find("20261202T000000Z-000000"));
            assertThat(viaStore).isInstanceOf(IllegalStateException.class);
            assertThat(DatabaseUnavailable.explains(viaStore)).isTrue();
        }
    }

    @Test
    void aRefusedConnectionToAnythingButTheDatabaseIsNotAnOutageOfIt() {
        // e.g. a provider or another service that is down: its own status, not "database unavailable"
        Throwable refused = catchThrowable(() -> new Socket(InetAddress.getLoopbackAddress(),
                TestDataSources.closedPort()).close());
        assertThat(refused).isInstanceOf(ConnectException.class);
        assertThat(DatabaseUnavailable.explains(new IllegalStateException("provider call", refused))).isFalse();
        assertThat(new ProblemMappers().unexpected(refused).getStatus()).isEqualTo(500);
    }

    @Test
    void anAgroalAcquisitionTimeoutIsTheDatabaseBeingUnavailable() throws SQLException {
        try (AgroalDataSource tiny = TestDataSources.embedded(1, Duration.ofMillis(200));
                Connection only = tiny.getConnection()) {
            assertThat(only.isValid(5)).isTrue();
            Throwable timeout = catchThrowable(tiny::getConnection);
            assertThat(timeout).isInstanceOf(SQLException.class);
            assertThat(timeout.getMessage()).containsIgnoringCase("acquisition timeout");
            assertThat(DatabaseUnavailable.explains(new IllegalStateException("runs table", timeout))).isTrue();
        }
    }

    @Test
    void aSessionPostgresTerminatedIsTheDatabaseBeingUnavailable() throws SQLException {
        try (Connection victim = embedded(); Connection admin = embedded()) {
            int pid;
            try (Statement s = victim.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            try (Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(" + pid + ")");
            }
            Throwable broken = catchThrowable(() -> {
                try (Statement s = victim.createStatement()) {
                    s.execute("SELECT 1");
                }
            });
            assertThat(broken).isInstanceOf(SQLException.class);
            assertThat(DatabaseUnavailable.explains(broken)).as("SQLState %s", ((SQLException) broken).getSQLState())
                    .isTrue();
        }
    }

    @Test
    void whatALivePostgresAnswersIsABugNotAnOutage() throws SQLException {
        try (Connection c = embedded(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE once (id int PRIMARY KEY)");
            s.execute("INSERT INTO once VALUES (1)");
            for (String wrong : new String[] {"SELEC 1", "SELECT * FROM no_such_table", "INSERT INTO once VALUES (1)",
                    "SELECT 1/0"}) {
                Throwable answered = catchThrowable(() -> s.execute(wrong));
                assertThat(answered).as(wrong).isInstanceOf(SQLException.class);
                assertThat(DatabaseUnavailable.explains(new IllegalStateException("runs table", answered)))
                        .as(wrong + " (SQLState " + ((SQLException) answered).getSQLState() + ")").isFalse();
            }
        }
        assertThat(DatabaseUnavailable.explains(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnavailable.explains(new NullPointerException())).isFalse();
    }

    @Test
    void theMapperAnswers503WithRetryAfterForAnOutageAnd500ForABug() throws SQLException {
        Throwable refused;
        try (AgroalDataSource down = TestDataSources.unreachable()) {
            refused = catchThrowable(() -> new RunStore(down).list(null, 1));
        }
        Response outage = new ProblemMappers().unexpected(refused);
        assertThat(outage.getStatus()).isEqualTo(503);
        assertThat(outage.getHeaderString("Retry-After")).isEqualTo("5");
        Problem problem = (Problem) outage.getEntity();
        assertThat(problem.title()).isEqualTo("database unavailable");
        assertThat(problem.detail()).startsWith("the request cannot be served: the database is unavailable")
                .doesNotContain("127.0.0.1").doesNotContain("jdbc").doesNotContain("Connection")
                .doesNotContain("runs table");

        Response launch = new ProblemMappers().databaseUnavailable(
                new DatabaseUnavailableException("the run cannot be recorded", refused));
        assertThat(launch.getStatus()).isEqualTo(503);
        assertThat(((Problem) launch.getEntity()).detail())
                .startsWith("the run cannot be recorded: the database is unavailable");

        Throwable bug;
        try (Connection c = embedded(); Statement s = c.createStatement()) {
            bug = catchThrowable(() -> s.execute("SELEC 1"));
        }
        Response internal = new ProblemMappers().unexpected(new IllegalStateException("runs table", bug));
        assertThat(internal.getStatus()).isEqualTo(500);
        assertThat(internal.getHeaderString("Retry-After")).isNull();
        assertThat(((Problem) internal.getEntity()).detail()).doesNotContain("SELEC");
    }

    private static Connection embedded() throws SQLException {
        return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), USER, USER);
    }
}
