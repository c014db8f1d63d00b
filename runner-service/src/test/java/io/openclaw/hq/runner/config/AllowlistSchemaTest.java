package io.openclaw.hq.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The schemas as the service ships them, against the shipped files and against what they must refuse. */
class AllowlistSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonSchema schema(String name) throws Exception {
        try (InputStream in = AllowlistSchemaTest.class.getClassLoader().getResourceAsStream("schemas/" + name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
        }
    }

    static Set<ValidationMessage> jobs(String json) throws Exception {
        return schema("job_allowlist.schema.json").validate(JSON.readTree(json));
    }

    static Set<ValidationMessage> repos(String json) throws Exception {
        return schema("repo_allowlist.schema.json").validate(JSON.readTree(json));
    }

    @Test
    void theShippedFilesAreValid() throws Exception {
        JsonNode jobFile = JSON.readTree(Files.readString(Path.of("../config/job_allowlist.json")));
        JsonNode repoFile = JSON.readTree(Files.readString(Path.of("../config/repo_allowlist.json")));
        assertThat(schema("job_allowlist.schema.json").validate(jobFile)).isEmpty();
        assertThat(schema("repo_allowlist.schema.json").validate(repoFile)).isEmpty();
        assertThat(jobFile.path("jobs").has("orb_review_bundle")).isTrue();
        assertThat(jobFile.path("jobs").has("orb_doctor")).isTrue();
        assertThat(jobFile.path("jobs").has("orb_score_run")).isTrue();
    }

    static String job(String paramName, String extra) {
        return "{\"jobs\":{\"j\":{\"wrapper\":\"w\",\"allowed_params\":{\"" + paramName + "\":{\"pattern\":\"^x$\"}},"
                + "\"requires_repo_allowlist\":true,\"timeout_seconds\":10,\"grace_seconds\":1" + extra + "}}}";
    }

    @ParameterizedTest(name = "param {0} allowed={1}")
    @CsvSource({"SINCE_SHA, true", "RUN_DIR, true", "PATH, false", "LD_PRELOAD, false", "GIT_SSH_COMMAND, false",
            "BASH_ENV, false", "HOME, false", "ARTIFACT_DIR, false", "lower, false", "JOB_ID, false", "IFS, false"})
    void paramNamesThatWouldSteerTheShellOrGitAreRefused(String name, boolean allowed) throws Exception {
        assertThat(jobs(job(name, "")).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void aJobMustRequireTheRepoAllowlistAndNameItsLimits() throws Exception {
        assertThat(jobs(job("X", "").replace("\"requires_repo_allowlist\":true", "\"requires_repo_allowlist\":false")))
                .anyMatch(v -> v.getInstanceLocation().toString().endsWith("requires_repo_allowlist"));
        assertThat(jobs(job("X", "").replace(",\"timeout_seconds\":10", ""))).isNotEmpty();
        assertThat(jobs(job("X", ",\"command\":\"rm -rf /\""))).isNotEmpty();
        assertThat(jobs(job("X", "").replace("\"wrapper\":\"w\"", "\"wrapper\":\"../../bin/sh\""))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} allowed={1}")
    @CsvSource({
            "https://github.com/openclaw/algo-nt8-orb.git, true",
            "ssh://git@git.example.org:2222/team/repo.git, true",
            "file:///srv/git/repo.git, true",
            "https://user:token@github.com/openclaw/x.git, false",
            "http://github.com/openclaw/x.git, false",
            "git@github.com:openclaw/x.git, false",
            "ext::sh -c touch% /tmp/pwned, false",
            "file:///srv/git/repo.git --upload-pack=x, false",
            "'', false"})
    void repositoryUrlsAreHttpsSshOrFileWithoutCredentials(String url, boolean allowed) throws Exception {
        assertThat(repos("{\"repos\":{\"r\":{\"url\":\"" + url + "\"}}}").isEmpty()).isEqualTo(allowed);
    }

    @Test
    void repositoryNamesAreSafeFolderNames() throws Exception {
        assertThat(repos("{\"repos\":{\"../x\":{\"url\":\"file:///srv/x\"}}}")).isNotEmpty();
        assertThat(repos("{\"repos\":{\"Upper\":{\"url\":\"file:///srv/x\"}}}")).isNotEmpty();
    }
}
