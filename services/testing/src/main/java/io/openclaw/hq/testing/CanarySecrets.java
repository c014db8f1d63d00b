package io.openclaw.hq.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Known fake secret values. A test plants them where the service resolves secrets, makes the
 * service use (and fail with) them, then searches logs, responses, database rows and artifacts:
 * any hit is a leak.
 */
public final class CanarySecrets {

    /** The internal token every service test sends; a secret too, so it is scanned for like the rest. */
    public static final String INTERNAL_TOKEN = "hqint-canary-7d1e5a9c3b2f4e6a8d0c";
    public static final String CONSOLE_TOKEN = "console-canary-2b9f4e7a1c3d5e8f0a6b";

    /** Secret name (file name, lower case) → canary value. */
    public static final Map<String, String> ALL;

    static {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("hq_internal_token", INTERNAL_TOKEN);
        all.put("openclaw_console_token", CONSOLE_TOKEN);
        all.put("openai_api_key", "sk-proj-CANARYopenai0f1e2d3c4b5a69788796a5b4");
        all.put("mistral_api_key", "CANARYmistral5f4e3d2c1b0a99887766");
        all.put("moonshot_api_key", "sk-CANARYmoonshot1a2b3c4d5e6f7a8b");
        all.put("pushover_token", "aCANARYpushovertoken0123456789");
        all.put("pushover_user", "uCANARYpushoveruser98765432101");
        all.put("twilio_account_sid", "ACcanary0123456789abcdef0123456789");
        all.put("twilio_auth_token", "canarytwilioauth0123456789abcdef");
        all.put("kajabi_api_key", "kj-CANARYkajabi77aa88bb99cc00dd");
        all.put("gmail_app_password", "canarygmailapppw4k2j");
        // soma-sync-service: the Kajabi OAuth client, the stored admin session of the browser fallback, the Gmail address
        all.put("kajabi_client_id", "kjclient-CANARY-3f9a1c77e2d4b8a6");
        all.put("kajabi_client_secret", "kjsecret-CANARY-9b2e7d41c6a8f035e1d2");
        all.put("kajabi_session_token", "kjsession-CANARY-5e8c2a9f1d7b3064c4aa");
        all.put("gmail_user", "canary.owner.7c1d@example.org");
        ALL = Map.copyOf(all);
    }

    private CanarySecrets() {
    }

    public static String value(String name) {
        String value = ALL.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no canary named " + name);
        }
        return value;
    }

    /** Writes every canary as a 0600 file into {@code dir}, the way ./hq and compose provide secrets. */
    public static void plant(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : ALL.entrySet()) {
                Path file = dir.resolve(e.getKey());
                Files.writeString(file, e.getValue() + "\n", StandardCharsets.UTF_8);
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The canaries that occur in {@code text}, by name. */
    public static List<String> leaksIn(String text) {
        List<String> leaks = new ArrayList<>();
        if (text == null) {
            return leaks;
        }
        ALL.forEach((name, value) -> {
            if (text.contains(value)) {
                leaks.add(name);
            }
        });
        return leaks;
    }

    public static void assertNoLeak(String text, String where) {
        assertThat(leaksIn(text)).as("canary secrets found in %s", where).isEmpty();
    }

    /** Every regular file under {@code root} (artifacts, log files). */
    public static void assertNoLeakInTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertNoLeak(text, f.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of every table in {@code schema}, each read as text. */
    public static void assertNoLeakInSchema(String schema) {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), "postgres", "postgres");
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema.replace("'", "") + "'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("SELECT t::text FROM \"" + schema + "\".\"" + table + "\" t")) {
                    while (rows.next()) {
                        assertNoLeak(rows.getString(1), schema + "." + table);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
