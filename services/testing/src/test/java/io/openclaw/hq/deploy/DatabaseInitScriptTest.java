package io.openclaw.hq.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs the real deploy/db/initdb.d script, with the real psql, against a real PostgreSQL whose
 * host connections need a SCRAM password (as in compose), then logs in as each service role to
 * prove what it can and cannot do. The methods share one server and run in order: refusal on a
 * missing file first (nothing created), then creation, then a password rotation by re-running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseInitScriptTest {

    static final List<String> ROLES = List.of("gateway", "llm_router", "doctor", "notify", "soma_sync", "runner");
    static final String DATABASE = "openclaw";

    EmbeddedPostgres server;
    Path secrets;
    final Map<String, String> passwords = new LinkedHashMap<>();

    @BeforeAll
    void startServer() throws Exception {
        secrets = Files.createTempDirectory("openclaw-secrets-test");
        server = EmbeddedPostgres.builder().start();
        try (Connection admin = superuser("postgres"); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
            // As the official image does: passwords over TCP for everyone but the local superuser.
            String hbaFile = scalar(admin, "SHOW hba_file");
            Files.writeString(Path.of(hbaFile), String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
            s.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        try (var files = Files.list(secrets)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(secrets);
    }

    @Test
    @Order(1)
    void refusesBeforeTouchingTheDatabaseWhenAPasswordFileIsMissing() throws Exception {
        writePasswords();
        Files.delete(secrets.resolve("db_password_runner"));

        ScriptRun run = runScript();

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("db_password_runner is missing");
        try (Connection admin = superuser(DATABASE)) {
            assertThat(scalar(admin, "SELECT count(*) FROM pg_roles WHERE rolname IN "
                    + "('gateway','llm_router','doctor','notify','soma_sync','runner')")).isEqualTo("0");
        }
    }

    @Test
    @Order(2)
    void createsOneLoginRolePerServiceConfinedToItsOwnSchema() throws Exception {
        writePasswords();

        ScriptRun run = runScript();

        assertThat(run.exitCode()).as(run.output()).isZero();
        passwords.values().forEach(password -> assertThat(run.output()).doesNotContain(password));
        for (String role : ROLES) {
            try (Connection c = login(role, passwords.get(role)); Statement s = c.createStatement()) {
                assertThat(scalar(c, "SHOW search_path")).isEqualTo(role);
                s.execute("CREATE TABLE IF NOT EXISTS probe (id int)");
                assertThat(scalar(c, "SELECT table_schema FROM information_schema.tables WHERE table_name = 'probe'"))
                        .isEqualTo(role);
            }
        }
        try (Connection gateway = login("gateway", passwords.get("gateway")); Statement s = gateway.createStatement()) {
            assertDenied(() -> s.executeQuery("SELECT * FROM doctor.probe"));
            assertDenied(() -> s.execute("CREATE TABLE doctor.intruder (id int)"));
            assertDenied(() -> s.execute("CREATE TABLE public.stray (id int)"));
            assertDenied(() -> s.execute("CREATE TEMPORARY TABLE scratch (id int)"));
            assertDenied(() -> s.execute("CREATE SCHEMA extra"));
        }
        assertDenied(() -> DriverManager.getConnection(url("postgres"), "gateway", passwords.get("gateway")).close());
        try (Connection admin = superuser(DATABASE)) {
            assertThat(scalar(admin, "SELECT count(*) FROM pg_roles WHERE rolname IN "
                    + "('gateway','llm_router','doctor','notify','soma_sync','runner') "
                    + "AND (rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls OR NOT rolcanlogin)"))
                    .as("roles with more than a login").isEqualTo("0");
            assertThat(scalar(admin, "SELECT count(*) FROM pg_authid WHERE rolname = 'gateway' "
                    + "AND rolpassword LIKE 'SCRAM-SHA-256$%'")).as("password stored as a SCRAM verifier").isEqualTo("1");
        }
    }

    @Test
    @Order(3)
    void runningAgainAppliesAChangedPasswordAndKeepsTheData() throws Exception {
        String old = passwords.get("notify");
        String rotated = randomPassword();
        passwords.put("notify", rotated);
        writePasswordFile("notify", rotated);

        ScriptRun run = runScript();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThatThrownBy(() -> login("notify", old).close()).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        try (Connection c = login("notify", rotated)) {
            assertThat(scalar(c, "SELECT count(*) FROM probe")).isEqualTo("0");
        }
    }

    private record ScriptRun(int exitCode, String output) {
    }

    private ScriptRun runScript() throws Exception {
        Path script = RepositoryRoot.resolve("deploy/db/initdb.d/10-openclaw-roles.sh");
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PGHOST", "127.0.0.1");
        env.put("PGPORT", String.valueOf(server.getPort()));
        env.put("POSTGRES_USER", "postgres");
        env.put("POSTGRES_DB", DATABASE);
        env.put("OPENCLAW_SECRETS_DIR", secrets.toString());
        env.put("OPENCLAW_ROLE_SQL", RepositoryRoot.resolve("deploy/db/role.sql").toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("sh and psql are needed (Debian: postgresql-client)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("script finished").isTrue();
        if (output.contains("psql: not found") || output.contains("psql: command not found")) {
            throw new AssertionError("psql is needed on PATH (Debian: postgresql-client)");
        }
        return new ScriptRun(process.exitValue(), output);
    }

    private void writePasswords() throws IOException {
        for (String role : ROLES) {
            passwords.put(role, randomPassword());
            writePasswordFile(role, passwords.get(role));
        }
    }

    private void writePasswordFile(String role, String password) throws IOException {
        Path file = secrets.resolve("db_password_" + role);
        Files.writeString(file, password, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        // a quote inside proves the value is passed as a literal, never spliced into SQL text
        return "pw'" + HexFormat.of().formatHex(bytes);
    }

    private Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "postgres");
    }

    private Connection login(String role, String password) throws SQLException {
        return DriverManager.getConnection(url(DATABASE), role, password);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void assertDenied(SqlAction action) {
        assertThatThrownBy(action::run).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(e.getMessage()).isEqualTo("42501"));
    }
}
