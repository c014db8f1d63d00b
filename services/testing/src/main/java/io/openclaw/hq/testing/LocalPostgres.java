package io.openclaw.hq.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The PostgreSQL of {@code ./hq up}: the same embedded binaries as the tests, on a fixed loopback
 * port with its data kept in {@code .hq/pg}, so runs survive restarts. Creates the database
 * {@code openclaw} and, per service, a role and a schema of the same name that only that role
 * can use. Role passwords are generated into the secrets directory (never passed in argv).
 *
 * <p>Usage: {@code LocalPostgres <port> <dataDir> <secretsDir> <role>[,<role>...]}, or
 * {@code LocalPostgres prepare-binaries}: unpack the PostgreSQL binaries (into the directory
 * {@code -Dot.epg.working-dir} names) and stop. Unpacking reads an xz stream with a 64 MiB
 * dictionary, which needs a heap of about 128 MB; the server's own launcher then runs in a small
 * one (./hq runs the two with different -Xmx, see docs/RUNNING.md).
 */
public final class LocalPostgres {

    public static final String DATABASE = "openclaw";

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("prepare-binaries")) {
            prepareBinaries();
            return;
        }
        if (args.length != 4) {
            System.err.println("usage: LocalPostgres <port> <dataDir> <secretsDir> <role,role,...>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]).toAbsolutePath();
        Path secrets = Path.of(args[2]).toAbsolutePath();
        List<String> roles = List.of(args[3].split(","));
        Files.createDirectories(data);

        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // zonky starts the server with -F (no fsync), right for tests, wrong for data that must
                // survive a power cut; a later -c overrides it
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException e) {
                System.err.println("stopping PostgreSQL: " + e.getMessage());
            }
            stopped.countDown();
        }, "local-postgres-stop"));

        try (Connection admin = pg.getPostgresDatabase().getConnection()) {
            ensureDatabase(admin);
        }
        try (Connection db = pg.getDatabase("postgres", DATABASE).getConnection()) {
            for (String role : roles) {
                ensureRoleAndSchema(db, role.strip(), password(secrets, role.strip()));
            }
        }
        System.out.println("local PostgreSQL ready on 127.0.0.1:" + port + " (data " + data + ")");
        System.out.flush();
        stopped.await();
    }

    /** Starts a throw-away server once, which is when zonky unpacks its binaries, and removes it again. */
    private static void prepareBinaries() throws IOException {
        Path scratch = Files.createTempDirectory("hq-pg-prepare");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(scratch).setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1").start()) {
            System.out.println("PostgreSQL binaries ready (checked with a throw-away server on port " + pg.getPort() + ")");
        } finally {
            // zonky removes a clean data directory itself when it stops; whatever is left goes here
            if (Files.exists(scratch)) {
                try (var files = Files.walk(scratch)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private static void ensureDatabase(Connection admin) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, DATABASE);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    private static void ensureRoleAndSchema(Connection db, String role, String password) throws SQLException {
        if (!role.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("bad role name " + role);
        }
        boolean exists;
        try (PreparedStatement s = db.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            s.setString(1, role);
            try (ResultSet rs = s.executeQuery()) {
                exists = rs.next();
            }
        }
        try (Statement s = db.createStatement()) {
            String quoted = password.replace("'", "''");
            s.execute((exists ? "ALTER" : "CREATE") + " ROLE " + role + " LOGIN PASSWORD '" + quoted + "'");
            s.execute("CREATE SCHEMA IF NOT EXISTS " + role + " AUTHORIZATION " + role);
            s.execute("ALTER ROLE " + role + " SET search_path = " + role);
            s.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
        }
    }

    private static String password(Path secrets, String role) throws IOException {
        Files.createDirectories(secrets);
        Path file = secrets.resolve("db_password_" + role);
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }
}
