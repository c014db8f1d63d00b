package io.openclaw.hq.runner.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.runner.config.AllowedRepo;
import io.openclaw.hq.runner.config.JobAllowlist;
import io.openclaw.hq.runner.config.JobType;
import io.openclaw.hq.runner.config.ParamRule;
import io.openclaw.hq.runner.config.RepoAllowlist;
import io.openclaw.hq.runner.model.JobRequest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JobRequestRulesTest {

    static final JobAllowlist JOBS = new JobAllowlist(Map.of("score", new JobType("d", "orb_score_run",
            Map.of("RUN_DIR", new ParamRule("^(?!.*\\.\\.)(?!/)[A-Za-z0-9_][A-Za-z0-9_./-]{0,199}$", true, null),
                    "MODE", new ParamRule("^(fast|full)$", false, null)), true, 10, 1)));
    static final RepoAllowlist REPOS = new RepoAllowlist(Map.of("orb", new AllowedRepo("file:///srv/orb", null, null)));

    static Map<String, String> check(Map<String, String> params) {
        return JobSubmission.JobRequestRules.check(new JobRequest("score", "orb", null, params), JOBS, REPOS);
    }

    @ParameterizedTest(name = "RUN_DIR={0} accepted={1}")
    @CsvSource(delimiterString = " => ", value = {
            "runs/2026-01-31 => true", "runs/2026_01_31 => true", "runs/r1/ => true", "../etc => false", "runs/../../etc => false", "/etc => false", "runs;id => false", "runs$(id) => false", "runs`id` => false", "runs|id => false", "-rf => false", "runs/r1 --x => false", "'runs' => true", ". => false", "a..b => false"})
    void valuesMatchTheirPatternWhole(String value, boolean accepted) {
        if (accepted) {
            assertThat(check(Map.of("RUN_DIR", value))).containsEntry("RUN_DIR", value);
        } else {
            assertThatThrownBy(() -> check(Map.of("RUN_DIR", value))).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("RUN_DIR");
        }
    }

    @Test
    void onlyAllowedParamsPassAndRequiredOnesMustBeThere() {
        assertThat(check(Map.of("RUN_DIR", "runs", "MODE", "fast"))).containsOnlyKeys("RUN_DIR", "MODE");
        assertThatThrownBy(() -> check(Map.of("MODE", "fast"))).hasMessageContaining("param 'RUN_DIR' is required");
        assertThatThrownBy(() -> check(Map.of("RUN_DIR", "runs", "PATH", "/tmp"))).hasMessageContaining("param 'PATH' is not allowed");
        assertThatThrownBy(() -> check(Map.of("RUN_DIR", "runs", "MODE", "fast\u0000"))).hasMessageContaining("control characters");
        // the pattern must match the whole value, not a part of it
        assertThatThrownBy(() -> check(Map.of("RUN_DIR", "runs", "MODE", "fast; id"))).hasMessageContaining("MODE");
    }
}
