package io.openclaw.hq.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Compiles deploy/docker/healthcheck.c with the machine's gcc, as the image builder stages do, and
 * runs it against a real HTTP server that answers like Quarkus' /q/health/ready (200 UP, 503 DOWN).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthcheckClientTest {

    Path workDir;
    Path binary;
    HttpServer server;
    final AtomicInteger readyStatus = new AtomicInteger(200);

    @BeforeAll
    void compileAndServe() throws Exception {
        workDir = Files.createTempDirectory("hq-healthcheck-test");
        binary = workDir.resolve("hq-healthcheck");
        Result compiled = run(List.of("gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", binary.toString(),
                RepositoryRoot.resolve("deploy/docker/healthcheck.c").toString()));
        assertThat(compiled.exitCode()).as("gcc: " + compiled.output()).isZero();

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = (readyStatus.get() == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(readyStatus.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        try {
            Files.deleteIfExists(binary);
            Files.deleteIfExists(workDir);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }

    @Test
    void readyServiceIsHealthy() throws Exception {
        readyStatus.set(200);
        assertThat(probe(port(), "/q/health/ready").exitCode()).isZero();
    }

    @Test
    void serviceAnswering503IsUnhealthyAndSaysWhy() throws Exception {
        readyStatus.set(503);
        Result result = probe(port(), "/q/health/ready");
        readyStatus.set(200);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("503");
    }

    @Test
    void unknownPathIsUnhealthy() throws Exception {
        assertThat(probe(port(), "/q/health/nothing-here").exitCode()).isEqualTo(1);
    }

    @Test
    void nothingListeningIsUnhealthy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Result result = probe(closedPort, "/q/health/ready");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("connection refused");
    }

    @Test
    void malformedArgumentsAreRefusedNotSent() throws Exception {
        assertThat(run(List.of(binary.toString(), "not-a-port")).exitCode()).isEqualTo(1);
        assertThat(run(List.of(binary.toString(), "70000")).exitCode()).isEqualTo(1);
        assertThat(run(List.of(binary.toString(), String.valueOf(port()), "no-leading-slash")).exitCode()).isEqualTo(1);
        assertThat(run(List.of(binary.toString(), String.valueOf(port()), "/q/health/ready\r\nX-Injected: 1")).exitCode())
                .isEqualTo(1);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private Result probe(int port, String path) throws Exception {
        return run(List.of(binary.toString(), String.valueOf(port), path));
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + " (gcc is needed: Debian package gcc)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command.get(0) + " finished").isTrue();
        return new Result(process.exitValue(), output);
    }
}
