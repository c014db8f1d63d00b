package io.openclaw.hq.runner.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test allowlists: the shipped job types (read from config/) plus the test wrappers' job types. */
public final class TestConfig {

    private TestConfig() {
    }

    static String jobAllowlist() {
        String shipped;
        try {
            shipped = Files.readString(Path.of("../config/job_allowlist.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String tests = """
                    "test_noop": %s,
                    "test_env": %s,
                    "test_write": %s,
                    "test_chmod_back": %s,
                    "test_chmod_only": %s,
                    "test_delete": %s,
                    "test_fail": %s,
                    "test_hooks": %s,
                    "test_sleep": {"wrapper": "test_sleep", "allowed_params": {"MILLIS": {"pattern": "^[0-9]{1,5}$"}},
                                   "requires_repo_allowlist": true, "timeout_seconds": 60, "grace_seconds": 1},
                    "test_timeout": {"wrapper": "test_timeout", "allowed_params": {},
                                     "requires_repo_allowlist": true, "timeout_seconds": 2, "grace_seconds": 1},
                """.formatted(simple("test_noop"), simple("test_env"), simple("test_write"), simple("test_chmod_back"),
                simple("test_chmod_only"), simple("test_delete"), simple("test_fail"), simple("test_hooks"));
        // the test job types go first inside "jobs": { ... }
        return shipped.replaceFirst("\"jobs\"\\s*:\\s*\\{", "\"jobs\": {\n" + java.util.regex.Matcher.quoteReplacement(tests));
    }

    private static String simple(String wrapper) {
        return "{\"wrapper\": \"" + wrapper + "\", \"allowed_params\": {}, \"requires_repo_allowlist\": true, "
                + "\"timeout_seconds\": 60, \"grace_seconds\": 1}";
    }

    static String repoAllowlist() {
        return """
                {"repos": {
                  "plain": {"url": "%s", "description": "test repository", "project": "clip_factory_monitoring"},
                  "hooks": {"url": "%s"},
                  "other": {"url": "%s", "project": "music_pipeline"},
                  "gone": {"url": "file:///nonexistent/runner-test/gone"}
                }}
                """.formatted(TestRepos.url("plain"), TestRepos.url("hooks"), TestRepos.url("other"));
    }
}
