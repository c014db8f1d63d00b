package io.openclaw.hq.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules that hold for this repository itself, checked on its tracked files. */
class RepositoryRulesTest {

    private final Git repository = new Git(Sandbox.HQ_ROOT);

    @Test
    void noScriptOfTheProjectSkipsGitHooks() {
        assertThat(NoVerifyScan.findings(repository)).as("scripts that push or commit past the hooks").isEmpty();
    }

    @Test
    void theOperatorsConfigsFitTheirSchemas() {
        List<String> valid = new ArrayList<>();
        assertThat(ConfigCheck.problems(Sandbox.HQ_ROOT.resolve("config"), valid)).isEmpty();
        assertThat(valid).contains("llm.json", "projects.json");
    }

    @Test
    void theRepositoryHasABaseline() {
        String head = repository.head();
        String baseline = Baseline.at(repository, head);
        assertThat(repository.commit(baseline)).as("the baseline names a commit of this repository").isNotNull();
        assertThat(repository.isAncestor(baseline, head)).isTrue();
    }
}
