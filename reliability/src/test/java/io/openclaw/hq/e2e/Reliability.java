package io.openclaw.hq.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * What the reliability cases share on top of e2e's {@link Suite}: the suite's database read as its
 * superuser (counts only, to see what a request left behind), direct calls to a service, waiting
 * without sleeping blindly, percentiles, and the figures each case writes to
 * {@code reliability/target/figures.txt} for docs/RELIABILITY.md.
 */
final class Reliability {

    static final long SEED = Long.getLong("reliability.seed", 20261202L);
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** The six services, in the order ./hq starts them. */
    static final List<String> SERVICES = List.of("hq-gateway", "llm-router-service", "doctor-service", "notify-service",
            "soma-sync-service", "runner-service");

    private Reliability() {
    }

    /** One SQL query returning one number, as the suite's superuser. */
    static long count(Suite suite, String sql) {
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl(), "postgres", "postgres");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every row of a query, each column read as text. */
    static List<List<String>> rows(Suite suite, String sql) {
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl(), "postgres", "postgres");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Total rows over every table of every service schema, and the database's size in bytes. */
    static long[] databaseFootprint(Suite suite) {
        long rows = 0;
        for (List<String> table : rows(suite, "SELECT table_schema, table_name FROM information_schema.tables "
                + "WHERE table_schema IN ('gateway','llm_router','doctor','notify','soma_sync','runner') "
                + "AND table_type = 'BASE TABLE'")) {
            rows += count(suite, "SELECT count(*) FROM \"" + table.get(0) + "\".\"" + table.get(1) + "\"");
        }
        return new long[] {rows, count(suite, "SELECT pg_database_size('openclaw')")};
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** GET a service's own JSON with the internal token; null when it does not answer 200. */
    static JsonNode tryBackend(Suite suite, String service, String path) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(suite.url(service) + path))
                    .timeout(Duration.ofSeconds(10)).header("X-HQ-Internal-Token", Suite.INTERNAL_TOKEN)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? Operator.parse(answer.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A run of {@code service} by id, once it has left queued/running; fails after {@code timeout}. */
    static JsonNode awaitEnded(Suite suite, String service, String runId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode run = null;
        while (Instant.now().isBefore(deadline)) {
            run = tryBackend(suite, service, "/runs/" + runId);
            if (run != null && !List.of("queued", "running").contains(run.path("status").asText())) {
                return run;
            }
            pause(200);
        }
        throw new AssertionError(service + " run " + runId + " did not end within " + timeout + "; last seen " + run);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " not within " + timeout.toSeconds() + " s");
            }
            pause(200);
        }
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The p-th percentile (nearest rank) of durations in nanoseconds, in milliseconds. */
    static double percentileMs(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    /** A figure for docs/RELIABILITY.md: printed and appended to reliability/target/figures.txt. */
    static void figure(String test, String text, Object... args) {
        String line = Instant.now() + "  " + test + ": " + String.format(Locale.ROOT, text, args);
        System.out.println("[figure] " + line);
        try {
            Path file = Path.of("target", "figures.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
