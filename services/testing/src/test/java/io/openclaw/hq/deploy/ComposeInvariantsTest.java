package io.openclaw.hq.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.deploy.ComposeFile.Mount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hardening of docker-compose.yml, as data: each test names one invariant of docs/DEPLOY.md
 * and fails when an edit breaks it.
 */
class ComposeInvariantsTest {

    static final String GATEWAY = "hq-gateway";
    static final String SECRETS_TARGET = "/run/openclaw_secrets";
    static final String SECRETS_SOURCE = "${OPENCLAW_HOST_SECRETS_DIR:-/etc/ai-ops-runner/secrets}";

    /** Each service and the database role (and schema) it logs in as. */
    static Stream<Arguments> servicesAndRoles() {
        return Stream.of(
                Arguments.of("hq-gateway", "gateway"),
                Arguments.of("llm-router-service", "llm_router"),
                Arguments.of("doctor-service", "doctor"),
                Arguments.of("notify-service", "notify"),
                Arguments.of("soma-sync-service", "soma_sync"),
                Arguments.of("runner-service", "runner"));
    }

    static List<String> serviceNames() {
        return servicesAndRoles().map(a -> (String) a.get()[0]).toList();
    }

    /** Environment names that must never carry a value, only a path into the secrets mount. */
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|AUTH|SID).*");

    /** ${VAR}, ${VAR:-default}, $VAR: a value taken from the host's environment at `up`. */
    static final Pattern INTERPOLATION = Pattern.compile("\\$\\{?(\\w+)");

    static ComposeFile compose;

    @BeforeAll
    static void load() {
        compose = ComposeFile.load(RepositoryRoot.resolve("docker-compose.yml"));
    }

    @Test
    void theSuiteIsExactlyPostgresAndTheSixServices() {
        List<String> expected = new ArrayList<>(serviceNames());
        expected.add("postgres");
        assertThat(compose.services().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void onlyTheGatewayPublishesAPortAndOnlyOnLoopback8787() {
        compose.services().forEach((name, service) -> {
            if (name.equals(GATEWAY)) {
                assertThat(compose.ports(name)).as("ports of " + name).containsExactly("127.0.0.1:8787:8080");
            } else {
                assertThat(compose.ports(name)).as("ports of " + name).isEmpty();
            }
            assertThat(service.path("network_mode").asText("")).as(name + " network_mode").isEmpty();
        });
    }

    @Test
    void postgresPublishesNothingAndSitsOnlyOnInternalNetworks() {
        assertThat(compose.ports("postgres")).isEmpty();
        assertThat(compose.service("postgres").path("expose").isMissingNode()).isTrue();
        List<String> networks = networksOf("postgres");
        assertThat(networks).isNotEmpty();
        for (String network : networks) {
            assertThat(compose.root().path("networks").path(network).path("internal").asBoolean(false))
                    .as("network " + network + " of postgres is internal").isTrue();
        }
    }

    @Test
    void everyServiceIsOnTheInternalNetworkWithPostgres() {
        List<String> internal = networksOf("postgres");
        for (String name : serviceNames()) {
            assertThat(networksOf(name)).as("networks of " + name).containsAnyElementsOf(internal);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servicesAndRoles")
    void everyServiceRunsHardened(String name) {
        JsonNode service = compose.service(name);
        assertThat(service.path("read_only").asBoolean(false)).as(name + " read_only").isTrue();
        assertThat(service.path("init").asBoolean(false)).as(name + " init reaps orphaned children").isTrue();
        assertThat(compose.textList(service.path("tmpfs"))).as(name + " tmpfs")
                .anyMatch(entry -> entry.equals("/tmp") || entry.startsWith("/tmp:"));
        assertThat(compose.textList(service.path("cap_drop"))).as(name + " cap_drop").contains("ALL");
        assertThat(service.path("cap_add").isMissingNode()).as(name + " adds no capability").isTrue();
        assertThat(compose.textList(service.path("security_opt"))).as(name + " security_opt")
                .anyMatch(opt -> opt.equals("no-new-privileges") || opt.equals("no-new-privileges:true"));
        assertThat(service.path("privileged").asBoolean(false)).as(name + " privileged").isFalse();
        for (String namespace : List.of("pid", "ipc", "userns_mode", "uts")) {
            assertThat(service.path(namespace).asText("")).as(name + " " + namespace).isNotEqualTo("host");
        }
        assertThat(service.path("devices").isMissingNode()).as(name + " devices").isTrue();
        assertNonRootUser(name, service.path("user").asText(""));
        assertThat(service.path("deploy").path("resources").path("limits").path("memory").asText(""))
                .as(name + " memory limit").matches("\\d+[MmGg]");
    }

    @Test
    void postgresRunsHardenedToo() {
        JsonNode postgres = compose.service("postgres");
        assertThat(postgres.path("read_only").asBoolean(false)).isTrue();
        assertThat(compose.textList(postgres.path("cap_drop"))).contains("ALL");
        assertThat(postgres.path("cap_add").isMissingNode()).isTrue();
        assertNonRootUser("postgres", postgres.path("user").asText(""));
        assertThat(postgres.path("image").asText()).as("official image, pinned tag").matches("postgres:\\d+\\.\\d+[-.\\w]*");
    }

    /** docker-compose v1 (Debian 12, and CI's smoke test) refuses any other top-level key, `name` included. */
    @Test
    void topLevelKeysAreOnesComposeV1Reads() {
        List<String> keys = new ArrayList<>();
        compose.root().fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as("top-level keys").allMatch(key -> key.startsWith("x-")
                || List.of("services", "networks", "volumes", "secrets", "configs").contains(key));
    }

    /**
     * The official image's entrypoint exports POSTGRES_PASSWORD (read from POSTGRES_PASSWORD_FILE)
     * and exec's the server with it; deploy/db/entrypoint.sh puts bin/postgres first on PATH so
     * the server starts without it.
     */
    @Test
    void postgresStartsThroughTheWrapperThatKeepsItsPasswordOutOfTheEnvironment() throws Exception {
        JsonNode postgres = compose.service("postgres");
        assertThat(compose.textList(postgres.path("entrypoint"))).containsExactly("/opt/openclaw/db/entrypoint.sh");
        assertThat(compose.mounts("postgres")).contains(new Mount("bind", "./deploy/db", "/opt/openclaw/db", true));
        assertThat(compose.environment("postgres")).containsEntry("OPENCLAW_ROLE_SQL", "/opt/openclaw/db/role.sql");
        Path entrypoint = RepositoryRoot.resolve("deploy/db/entrypoint.sh");
        Path server = RepositoryRoot.resolve("deploy/db/bin/postgres");
        assertThat(entrypoint).isExecutable();
        assertThat(server).isExecutable();
        assertThat(Files.readString(entrypoint)).contains("/bin:$PATH").contains("exec docker-entrypoint.sh \"$@\"");
        assertThat(Files.readString(server)).contains("unset POSTGRES_PASSWORD PGPASSWORD")
                .contains("exec \"/usr/lib/postgresql/${PG_MAJOR");
    }

    /** The smoke test runs this topology with one change only: PostgreSQL's image (a local stand-in). */
    @Test
    void theSmokeTestOverlayChangesOnlyThePostgresImage() {
        ComposeFile smoke = ComposeFile.load(RepositoryRoot.resolve("deploy/test/compose.smoke.yml"));
        List<String> keys = new ArrayList<>();
        smoke.root().fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("services");
        assertThat(smoke.services().keySet()).containsExactly("postgres");
        List<String> postgresKeys = new ArrayList<>();
        smoke.service("postgres").fieldNames().forEachRemaining(postgresKeys::add);
        assertThat(postgresKeys).containsExactly("image");
    }

    @Test
    void nothingMountsOrMentionsTheDockerSocket() {
        assertThat(compose.allScalars()).noneMatch(value -> value.contains("docker.sock"));
        compose.services().keySet().forEach(name -> {
            assertThat(compose.environment(name)).as(name + " env").doesNotContainKey("DOCKER_HOST");
            for (Mount mount : compose.mounts(name)) {
                assertThat(mount.source() + " " + mount.target()).as(name + " mount")
                        .doesNotContain("/var/run/docker").doesNotContain("/run/docker").doesNotContain("containerd");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servicesAndRoles")
    void everyServiceHasAReadinessHealthcheckThatWorksWithoutCurl(String name) {
        JsonNode healthcheck = compose.service(name).path("healthcheck");
        assertThat(healthcheck.path("disable").asBoolean(false)).as(name + " healthcheck disabled").isFalse();
        List<String> test = compose.textList(healthcheck.path("test"));
        assertThat(test).as(name + " healthcheck")
                .containsExactly("CMD", "/usr/local/bin/hq-healthcheck", "8080", "/q/health/ready");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servicesAndRoles")
    void everyServiceWaitsForPostgresAndItsDependenciesToBeHealthy(String name) {
        JsonNode dependsOn = compose.service(name).path("depends_on");
        assertThat(dependsOn.isObject()).as(name + " depends_on is a map with conditions").isTrue();
        assertThat(dependsOn.has("postgres")).as(name + " depends on postgres").isTrue();
        dependsOn.fields().forEachRemaining(dependency -> assertThat(dependency.getValue().path("condition").asText())
                .as(name + " waits for " + dependency.getKey()).isEqualTo("service_healthy"));
    }

    @Test
    void theGatewayStartsAfterEveryOtherService() {
        JsonNode dependsOn = compose.service(GATEWAY).path("depends_on");
        for (String name : serviceNames()) {
            if (!name.equals(GATEWAY)) {
                assertThat(dependsOn.has(name)).as("gateway depends on " + name).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servicesAndRoles")
    void everyServiceMountsTheHostSecretsReadOnlyAndItsConfigAndArtifacts(String name) {
        List<Mount> mounts = compose.mounts(name);
        assertThat(mounts).as(name + " secrets mount")
                .contains(new Mount("bind", SECRETS_SOURCE, SECRETS_TARGET, true));
        assertThat(mounts).as(name + " config mount").contains(new Mount("bind", "./config", "/config", true));
        assertThat(mounts).as(name + " artifacts").anyMatch(m -> m.type().equals("volume") && m.target().equals("/artifacts"));
        // the runner alone also writes its mirrors and worktrees, to a named volume of its own
        List<String> writable = name.equals("runner-service") ? List.of("/artifacts", "/runner-work") : List.of("/artifacts");
        for (Mount mount : mounts) {
            if (!writable.contains(mount.target())) {
                assertThat(mount.readOnly()).as(name + " writes only to " + writable + ", not " + mount.target()).isTrue();
            }
        }
        if (name.equals("runner-service")) {
            assertThat(mounts).as("the runner's work volume").contains(new Mount("volume", "runner-work", "/runner-work", false));
        }
    }

    @Test
    void postgresSeesOnlyTheDatabasePasswordsReadOnly() {
        List<Mount> secretMounts = compose.mounts("postgres").stream()
                .filter(m -> m.target().startsWith(SECRETS_TARGET)).toList();
        List<String> expected = Stream.of("postgres", "gateway", "llm_router", "doctor", "notify", "soma_sync", "runner")
                .map(role -> SECRETS_TARGET + "/db_password_" + role).toList();
        assertThat(secretMounts).extracting(Mount::target).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(secretMounts).allMatch(Mount::readOnly);
        assertThat(secretMounts).allMatch(m -> m.source().equals(SECRETS_SOURCE + m.target().substring(SECRETS_TARGET.length())));
        assertThat(compose.environment("postgres"))
                .containsEntry("POSTGRES_PASSWORD_FILE", SECRETS_TARGET + "/db_password_postgres")
                .containsEntry("POSTGRES_DB", "openclaw")
                .doesNotContainKey("POSTGRES_PASSWORD")
                .doesNotContainKey("POSTGRES_HOST_AUTH_METHOD");
        assertThat(compose.mounts("postgres")).contains(
                new Mount("bind", "./deploy/db/initdb.d", "/docker-entrypoint-initdb.d", true));
    }

    @Test
    void noEnvironmentVariableCarriesASecretValue() {
        compose.services().forEach((name, service) -> {
            assertThat(service.path("env_file").isMissingNode()).as(name + " uses no env_file").isTrue();
            compose.environment(name).forEach((key, value) -> {
                String text = value == null ? "" : value;
                if (SECRET_NAME.matcher(key).matches()) {
                    assertThat(text).as(name + " " + key + " must name a file in the secrets mount, not hold a value")
                            .matches(Pattern.quote(SECRETS_TARGET) + "(/[a-z0-9_]+)?");
                }
                assertThat(text.toLowerCase()).as(name + " " + key).doesNotContain("password=");
                assertThat(text).as(name + " " + key + " holds no credentials in a URL").doesNotMatch(".*://[^/@\\s]+@.*");
                Matcher interpolation = INTERPOLATION.matcher(text);
                while (interpolation.find()) {
                    String variable = interpolation.group(1);
                    assertThat(variable).as(name + " " + key + " interpolates only OpenClaw settings that are not secrets")
                            .startsWith("OPENCLAW_").doesNotMatch(SECRET_NAME.pattern());
                }
            });
        });
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("servicesAndRoles")
    void everyServiceGetsTheEnvironmentItsProdProfileReads(String name, String role) {
        assertThat(compose.environment(name))
                .containsEntry("HTTP_HOST", "0.0.0.0")
                .containsEntry("HTTP_PORT", "8080")
                .containsEntry("DB_URL", "jdbc:postgresql://postgres:5432/openclaw")
                .containsEntry("DB_USER", role)
                .containsEntry("OPENCLAW_SECRETS_DIR", SECRETS_TARGET)
                .containsEntry("OPENCLAW_CONFIG_DIR", "/config")
                .containsEntry("OPENCLAW_ARTIFACTS_ROOT", "/artifacts");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servicesAndRoles")
    void restClientUrlsNameRealServicesThatAreAwaitedHealthy(String name) {
        JsonNode dependsOn = compose.service(name).path("depends_on");
        compose.environment(name).forEach((key, value) -> {
            if (key.startsWith("QUARKUS_REST_CLIENT_") && key.endsWith("_URL")) {
                assertThat(value).as(name + " " + key).matches("http://[a-z-]+:8080");
                String target = value.substring("http://".length(), value.lastIndexOf(':'));
                assertThat(serviceNames()).as(name + " " + key + " names a service").contains(target);
                assertThat(target).as(name + " does not call itself").isNotEqualTo(name);
                assertThat(dependsOn.has(target)).as(name + " waits for " + target).isTrue();
            }
        });
    }

    /**
     * Reads every REST client a service configures in its application.properties, so a client
     * added later cannot keep its local-mode 127.0.0.1 address in a container, where loopback is
     * the container itself.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servicesAndRoles")
    void everyRestClientOfAServiceReachesItsPeerInCompose(String name) {
        JsonNode dependsOn = compose.service(name).path("depends_on");
        Map<String, String> clients = RestClientUrls.inProduction(RepositoryRoot.resolve(name), compose.environment(name));
        List<String> readVariables = clients.keySet().stream().map(RestClientUrls::environmentVariable).toList();
        compose.environment(name).keySet().stream().filter(key -> key.startsWith("QUARKUS_REST_CLIENT_")).forEach(key ->
                assertThat(readVariables).as(name + " sets " + key + " but configures no such REST client").contains(key));
        clients.forEach((client, url) -> {
            assertThat(url).as(name + " REST client '" + client + "' in a container (set "
                    + RestClientUrls.environmentVariable(client) + " in compose)")
                    .doesNotContain("127.0.0.1").doesNotContain("localhost").doesNotContain("<unset");
            for (String peer : serviceNames()) {
                if (url.startsWith("http://" + peer + ":")) {
                    assertThat(url).as(name + " REST client '" + client + "'").isEqualTo("http://" + peer + ":8080");
                    assertThat(dependsOn.has(peer)).as(name + " waits for " + peer).isTrue();
                }
            }
        });
    }

    @Test
    void everyNamedVolumeAndNetworkIsDeclared() {
        compose.services().forEach((name, service) -> {
            for (Mount mount : compose.mounts(name)) {
                if (mount.type().equals("volume")) {
                    assertThat(compose.root().path("volumes").has(mount.source())).as(name + " volume " + mount.source()).isTrue();
                }
            }
            for (String network : networksOf(name)) {
                assertThat(compose.root().path("networks").has(network)).as(name + " network " + network).isTrue();
            }
        });
    }

    private static List<String> networksOf(String name) {
        JsonNode networks = compose.service(name).path("networks");
        List<String> result = new ArrayList<>();
        if (networks.isArray()) {
            networks.forEach(n -> result.add(n.asText()));
        } else {
            networks.fieldNames().forEachRemaining(result::add);
        }
        return result;
    }

    private static void assertNonRootUser(String name, String user) {
        assertThat(user).as(name + " user").isNotBlank();
        String uid = user.split(":")[0];
        assertThat(uid).as(name + " user").isNotIn("0", "root");
        String gid = user.contains(":") ? user.split(":")[1] : "";
        assertThat(gid).as(name + " group").isNotIn("0", "root");
    }
}
