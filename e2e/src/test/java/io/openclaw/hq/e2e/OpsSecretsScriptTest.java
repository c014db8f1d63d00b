package io.openclaw.hq.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hq secrets}, {@code ./hq token} and {@code ./hq targets} (ops/secrets.sh, ops/targets.sh)
 * run for real against a temporary secrets directory and config directory. Every program the
 * scripts start goes through a shim on the PATH that records its argv and environment, so "never
 * in argv, never exported" is checked on every process they start, not sampled from ps.
 */
class OpsSecretsScriptTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().resolve("hq").toFile().isFile()
            ? Path.of("").toAbsolutePath().getParent() : Path.of("").toAbsolutePath();
    private static final String KEY = "sk-proj-OPSCANARY0123456789abcdefWXYZ";
    private static final List<String> SHIMMED = List.of("cat", "mktemp", "chmod", "chown", "mv", "rm", "sha256sum", "head",
            "od", "tr", "curl", "id", "mkdir", "sed", "grep", "basename", "dirname", "jq", "sleep", "env", "tail", "stat");

    @TempDir
    Path work;
    Path secrets;
    Path config;
    Path argvLog;
    Path shims;

    @BeforeEach
    void shimEveryProgram() throws IOException {
        secrets = work.resolve("secrets");
        config = Files.createDirectories(work.resolve("config"));
        argvLog = work.resolve("argv.log");
        shims = Files.createDirectories(work.resolve("bin"));
        for (String program : SHIMMED) {
            Path real = Stream.of("/usr/bin/", "/bin/").map(d -> Path.of(d + program)).filter(Files::isExecutable)
                    .findFirst().orElse(null);
            if (real == null) {
                continue;
            }
            Path shim = shims.resolve(program);
            Files.writeString(shim, "#!/bin/sh\n{ printf 'ARGV %s' \"$0\"; for a in \"$@\"; do printf ' [%s]' \"$a\"; done; "
                    + "printf '\\n'; /usr/bin/env; } >> '" + argvLog + "' 2>/dev/null\nexec " + real + " \"$@\"\n");
            Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void setReadsStandardInputOnlyWrites0600AtomicallyAndShowsOnlyTheMask() throws Exception {
        Result set = hq(KEY + "\n", "secrets", "set", "openai_api_key");
        assertThat(set.exit()).as(set.output()).isZero();
        Path file = secrets.resolve("openai_api_key");
        assertThat(Files.readString(file)).isEqualTo(KEY);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(secrets)).as("the directory is 0700")
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> left = Files.list(secrets)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left behind")
                    .containsExactly("openai_api_key");
        }
        assertThat(set.output()).doesNotContain(KEY).contains("sk-proj-…WXYZ").contains(fingerprint(KEY));
        assertNeverInArgvOrEnvironment(KEY);

        Result status = hq("", "secrets", "status", "openai_api_key");
        assertThat(status.exit()).isZero();
        assertThat(status.output()).contains("file").contains("sk-proj-…WXYZ").contains(fingerprint(KEY)).doesNotContain(KEY);
        assertThat(hq("", "secrets", "print-source", "openai_api_key").output().strip()).isEqualTo("file");
        assertNeverInArgvOrEnvironment(KEY);
    }

    @Test
    void aValueGivenAsAnArgumentOrAnEmptyInputIsRefusedAndNothingIsWritten() throws Exception {
        Result argument = hq("", "secrets", "set", "openai_api_key", KEY);
        assertThat(argument.exit()).isNotZero();
        assertThat(argument.output()).contains("standard input").doesNotContain(KEY);
        Result empty = hq("", "secrets", "set", "openai_api_key");
        assertThat(empty.exit()).isNotZero();
        assertThat(empty.output()).contains("no value");
        Result unknown = hq("x\n", "secrets", "set", "not_a_secret");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.output()).contains("unknown secret");
        Result database = hq("x\n", "secrets", "set", "db_password_gateway");
        assertThat(database.exit()).isNotZero();
        assertThat(database.output()).contains("database role");
        assertThat(secrets.resolve("openai_api_key")).doesNotExist();
        assertThat(secrets.resolve("not_a_secret")).doesNotExist();
        assertThat(secrets.resolve("db_password_gateway")).doesNotExist();
    }

    @Test
    void rotateMakesANewTokenThatIsNeverShownAndTokenNoLongerPrintsIt() throws Exception {
        Files.createDirectories(secrets);
        Files.writeString(secrets.resolve("openclaw_console_token"), "old-console-token-0123456789");
        Result rotate = hq("", "token", "rotate");
        assertThat(rotate.exit()).as(rotate.output()).isZero();
        String now = Files.readString(secrets.resolve("openclaw_console_token"));
        assertThat(now).matches("[0-9a-f]{64}");
        assertThat(Files.getPosixFilePermissions(secrets.resolve("openclaw_console_token")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(rotate.output()).doesNotContain(now).contains(fingerprint(now)).contains(fingerprint("old-console-token-0123456789"))
                .contains("login-link");
        assertNeverInArgvOrEnvironment(now);

        Result token = hq("", "token");
        assertThat(token.exit()).isNotZero();
        assertThat(token.output()).contains("./hq login-link").doesNotContain(now);
        Result brought = hq("", "secrets", "rotate", "openai_api_key");
        assertThat(brought.exit()).isNotZero();
        assertThat(brought.output()).contains("secrets set openai_api_key");
    }

    @Test
    void deleteAndPrintSourceFollowThePlatformsOrder() throws Exception {
        hq(KEY + "\n", "secrets", "set", "mistral_api_key");
        assertThat(hq("", Map.of("MISTRAL_API_KEY", "from-the-environment-0123"), "secrets", "print-source", "mistral_api_key")
                .output().strip()).isEqualTo("env");
        Result delete = hq("", "secrets", "delete", "mistral_api_key");
        assertThat(delete.exit()).isZero();
        assertThat(secrets.resolve("mistral_api_key")).doesNotExist();
        assertThat(hq("", "secrets", "print-source", "mistral_api_key").output().strip()).isEqualTo("missing");
        Result doctor = hq("", "secrets", "doctor", "mistral_api_key");
        assertThat(doctor.exit()).isNotZero();
        assertThat(doctor.output()).startsWith("FAIL mistral_api_key missing_key");
    }

    @Test
    void targetsRefuseHostsOutsideTheTailnetAndSetActiveSwitches() throws Exception {
        String pin = "SHA256:" + "A".repeat(43);
        for (String host : List.of("8.8.8.8", "10.0.0.5", "100.128.0.1", "100.064.0.1", "vps.example.com", "192.168.1.2")) {
            Result refused = hq("", "targets", "init", "bad", host, "root", pin);
            assertThat(refused.exit()).as(host).isNotZero();
            assertThat(refused.output()).as(host).contains("refused");
        }
        assertThat(config.resolve("targets.json")).as("nothing written on refusal").doesNotExist();

        assertThat(hq("", "targets", "init", "vps", "100.100.7.8", "root", pin).exit()).isZero();
        assertThat(hq("", "targets", "init", "local", "127.0.0.1", "hq", pin, "2222").exit()).isZero();
        Result show = hq("", "targets", "show");
        assertThat(show.exit()).as(show.output()).isZero();
        assertThat(show.output()).contains("* vps").contains("local");
        assertThat(hq("", "targets", "set-active", "nowhere").exit()).isNotZero();
        assertThat(hq("", "targets", "set-active", "local").exit()).isZero();
        assertThat(Files.readString(config.resolve("targets.json"))).contains("\"active\": \"local\"").contains("\"port\": 2222");

        // a file edited by hand to hold a public host is shown as refused, and show fails
        Files.writeString(config.resolve("targets.json"), Files.readString(config.resolve("targets.json"))
                .replace("100.100.7.8", "8.8.4.4"));
        Result after = hq("", "targets", "show");
        assertThat(after.exit()).isNotZero();
        assertThat(after.output()).contains("REFUSED");
    }

    @Test
    void loginLinkSendsTheInternalTokenOnCurlsStandardInputAndPrintsTheLink() throws Exception {
        String internal = "internal-token-for-the-link-0123456789";
        Files.createDirectories(secrets);
        Files.writeString(secrets.resolve("hq_internal_token"), internal);
        String path = "/login/link?code=" + "c".repeat(43);
        try (FakeGateway gateway = new FakeGateway()) {
            gateway.answer("POST /internal/login-codes", exchange -> internal.equals(
                    exchange.getRequestHeaders().getFirst("X-HQ-Internal-Token"))
                            ? new FakeGateway.Reply(201, "{\"path\":\"" + path + "\",\"origins\":[\"https://aiops-1.example.ts.net\"],"
                                    + "\"expiresAt\":\"2026-12-02T06:00:00Z\"}")
                            : new FakeGateway.Reply(401, "{}"));
            Result link = hq("", Map.of("HQ_URL", gateway.url()), "login-link");
            assertThat(link.exit()).as(link.output()).isZero();
            assertThat(link.output()).contains("https://aiops-1.example.ts.net" + path).contains("single use")
                    .doesNotContain(internal);
            assertNeverInArgvOrEnvironment(internal);

            Files.writeString(secrets.resolve("hq_internal_token"), "a-wrong-internal-token-000000");
            Result refused = hq("", Map.of("HQ_URL", gateway.url()), "login-link");
            assertThat(refused.exit()).isNotZero();
            assertThat(refused.output()).contains("refused").contains("401");
        }
        Result down = hq("", "login-link");
        assertThat(down.exit()).isNotZero();
        assertThat(down.output()).contains("does not answer");
    }

    @Test
    void doctorChecksTheConsoleTokenAndTheRoutersKeysThroughTheGateway() throws Exception {
        String console = "console-token-for-the-doctor-0123456789";
        Files.createDirectories(secrets);
        Files.writeString(secrets.resolve("openclaw_console_token"), console);
        Files.writeString(secrets.resolve("openai_api_key"), KEY);
        try (FakeGateway gateway = new FakeGateway()) {
            java.util.function.Function<com.sun.net.httpserver.HttpExchange, Boolean> authorised = exchange -> console.equals(
                    exchange.getRequestHeaders().getFirst("X-OpenClaw-Token"));
            gateway.answer("GET /api/projects", exchange -> new FakeGateway.Reply(authorised.apply(exchange) ? 200 : 401, "{}"));
            gateway.answer("POST /api/exec", exchange -> authorised.apply(exchange)
                    ? new FakeGateway.Reply(202, "{\"action\":\"llm_doctor\",\"runId\":\"r-42\"}") : new FakeGateway.Reply(401, "{}"));
            gateway.answer("GET /api/runs/r-42", exchange -> new FakeGateway.Reply(200, "{\"id\":\"r-42\",\"status\":\"failure\"}"));
            gateway.answer("GET /api/llm/status", exchange -> new FakeGateway.Reply(200, "{\"providers\":{\"openai\":{\"state\":\"active\"}},"
                    + "\"doctor\":{\"run_id\":\"r-42\",\"state\":\"DOWN\",\"providers\":{\"openai\":{\"state\":\"DOWN\","
                    + "\"last_error_class\":\"auth\"}}}}"));

            Result token = hq("", Map.of("HQ_URL", gateway.url()), "secrets", "doctor", "openclaw_console_token");
            assertThat(token.exit()).as(token.output()).isZero();
            assertThat(token.output()).startsWith("PASS openclaw_console_token ok").doesNotContain(console);

            Result key = hq("", Map.of("HQ_URL", gateway.url()), "secrets", "doctor", "openai_api_key");
            assertThat(key.exit()).isNotZero();
            assertThat(key.output()).startsWith("FAIL openai_api_key auth").contains("r-42").doesNotContain(KEY);
            assertThat(gateway.bodies()).as("the action asked for").contains("{\"action\":\"llm_doctor\"}");
            assertNeverInArgvOrEnvironment(console);
            assertNeverInArgvOrEnvironment(KEY);

            Files.writeString(secrets.resolve("openclaw_console_token"), "not-what-the-gateway-holds-000");
            Result rejected = hq("", Map.of("HQ_URL", gateway.url()), "secrets", "doctor", "openclaw_console_token");
            assertThat(rejected.exit()).isNotZero();
            assertThat(rejected.output()).startsWith("FAIL openclaw_console_token rejected");
        }
    }

    @Test
    void doctorChecksProviderKeysThroughTheOwningServiceLocallyAndThroughTheGatewayOnTheHost() throws Exception {
        String internal = "internal-token-for-the-doctor-0123456789";
        String console = "console-token-for-the-doctor-0123456789";
        String pushover = "pushover-token-OPSCANARY-0123456789";
        Files.createDirectories(secrets);
        Files.writeString(secrets.resolve("hq_internal_token"), internal);
        Files.writeString(secrets.resolve("openclaw_console_token"), console);
        Files.writeString(secrets.resolve("pushover_token"), pushover);
        Files.writeString(secrets.resolve("gmail_app_password"), KEY);
        Files.writeString(secrets.resolve("kajabi_session_token"), KEY);
        try (FakeGateway service = new FakeGateway(); FakeGateway gateway = new FakeGateway()) {
            java.util.function.Function<com.sun.net.httpserver.HttpExchange, Boolean> internalOk = exchange -> internal.equals(
                    exchange.getRequestHeaders().getFirst("X-HQ-Internal-Token"));
            service.answer("POST /providers/pushover/check", exchange -> internalOk.apply(exchange)
                    ? new FakeGateway.Reply(200, "{\"provider\":\"pushover\",\"result\":\"FAIL\",\"errorClass\":\"auth_failed\","
                            + "\"detail\":\"Pushover answered HTTP 400\"}") : new FakeGateway.Reply(401, "{}"));
            service.answer("POST /soma/credentials/check", exchange -> internalOk.apply(exchange)
                    && "provider=gmail".equals(exchange.getRequestURI().getQuery())
                    ? new FakeGateway.Reply(200, "{\"provider\":\"gmail\",\"result\":\"PASS\",\"errorClass\":null,"
                            + "\"detail\":\"IMAP login accepted\"}") : new FakeGateway.Reply(401, "{}"));
            Map<String, String> local = Map.of("HQ_NOTIFY_URL", service.url(), "HQ_SOMA_URL", service.url());

            Result pushoverCheck = hq("", local, "secrets", "doctor", "pushover_token");
            assertThat(pushoverCheck.exit()).isNotZero();
            assertThat(pushoverCheck.output()).startsWith("FAIL pushover_token auth_failed (notify-service, pushover:");
            Result gmail = hq("", local, "secrets", "doctor", "gmail_app_password");
            assertThat(gmail.exit()).as(gmail.output()).isZero();
            assertThat(gmail.output()).startsWith("PASS gmail_app_password ok (soma-sync-service, gmail:");
            Result session = hq("", local, "secrets", "doctor", "kajabi_session_token");
            assertThat(session.output()).startsWith("FAIL kajabi_session_token no_check");
            Result missing = hq("", local, "secrets", "doctor", "twilio_auth_token");
            assertThat(missing.output()).startsWith("FAIL twilio_auth_token missing_key");

            // --host: only the gateway is reachable; it passes the check through (console token, audited there)
            gateway.answer("POST /api/exec", exchange -> console.equals(exchange.getRequestHeaders().getFirst("X-OpenClaw-Token"))
                    ? new FakeGateway.Reply(200, "{\"action\":\"soma_credentials\",\"service\":\"soma-sync-service\","
                            + "\"result\":[{\"provider\":\"gmail\",\"result\":\"FAIL\",\"errorClass\":\"network\","
                            + "\"detail\":\"IMAP login failed\"}]}") : new FakeGateway.Reply(401, "{}"));
            Result host = hq("", Map.of("HQ_URL", gateway.url(), "OPENCLAW_HOST_SECRETS_DIR", secrets.toString()),
                    "secrets", "doctor", "gmail_app_password", "--host");
            assertThat(host.exit()).isNotZero();
            assertThat(host.output()).startsWith("FAIL gmail_app_password network (soma-sync-service, gmail:");
            assertThat(gateway.bodies()).contains("{\"action\":\"soma_credentials\",\"params\":{\"provider\":\"gmail\"}}");

            for (Result r : List.of(pushoverCheck, gmail, session, missing, host)) {
                assertThat(r.output()).doesNotContain(internal).doesNotContain(console).doesNotContain(pushover)
                        .doesNotContain(KEY);
            }
            assertNeverInArgvOrEnvironment(internal);
            assertNeverInArgvOrEnvironment(console);
            assertNeverInArgvOrEnvironment(pushover);
        }
    }

    /** A stand-in for the gateway's few endpoints the scripts call, on a free loopback port. */
    static final class FakeGateway implements AutoCloseable {

        record Reply(int status, String body) {
        }

        private final com.sun.net.httpserver.HttpServer server;
        private final Map<String, java.util.function.Function<com.sun.net.httpserver.HttpExchange, Reply>> routes =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();

        FakeGateway() throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                var route = routes.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                Reply reply = route == null ? new Reply(404, "{}") : route.apply(exchange);
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        void answer(String route, java.util.function.Function<com.sun.net.httpserver.HttpExchange, Reply> reply) {
            routes.put(route, reply);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<String> bodies() {
            return bodies;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private void assertNeverInArgvOrEnvironment(String value) throws IOException {
        assertThat(argvLog).as("the scripts started programs (the shims recorded them)").exists();
        String log = Files.readString(argvLog);
        assertThat(log).contains("ARGV");
        assertThat(log).as("no program the scripts started got the value in argv or environment").doesNotContain(value);
    }

    private record Result(int exit, String output) {
    }

    private Result hq(String stdin, String... args) throws IOException, InterruptedException {
        return hq(stdin, Map.of(), args);
    }

    private Result hq(String stdin, Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("hq").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.endsWith("_API_KEY") || k.endsWith("_TOKEN") || k.startsWith("HQ_"));
        env.put("PATH", shims + ":" + System.getenv("PATH"));
        env.put("HQ_SECRETS_DIR", secrets.toString());
        env.put("HQ_CONFIG_DIR", config.toString());
        env.put("HQ_URL", "http://127.0.0.1:9");
        env.putAll(extraEnv);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String fingerprint(String value) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 16);
    }

    static {
        assertThat(Set.of(ROOT.resolve("hq").toFile().isFile())).containsExactly(true);
    }
}
