package io.openclaw.hq.gateway.projects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.gateway.Replay;
import io.openclaw.hq.gateway.backends.Backend;
import io.openclaw.hq.gateway.backends.BackendJson;
import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.SomaContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Soma project's colour, case by case, from soma's recorded status with the workflows' last
 * runs set as each row says ({@code -} for no run yet).
 */
class SomaProjectStatusTest {

    @ParameterizedTest(name = "home {0}, practitioner {1}, harvest {2}, mirror {3}, nightly {4} → {5}")
    @CsvSource(delimiter = '|', value = {
        "success | success | success | success | success | green  | latest run of each workflow succeeded (snapshot Home User Library, snapshot Practitioner Library, harvest, mirror)",
        "success | success | success | success | failure | green  | latest run of each workflow succeeded",
        "failure | success | success | success | success | red    | latest snapshot Home User Library failed: boom",
        "success | success | interrupted | failure | success | red | latest harvest was interrupted: boom; mirror failed: boom",
        "success | success | success | -       | success | yellow | mirror has not run yet",
        "success | refused | success | success | success | yellow | snapshot Practitioner Library was refused: boom",
        "failure | refused | success | success | success | red    | latest snapshot Home User Library failed",
        "running | success | success | success | success | green  | latest run of each workflow succeeded (snapshot Practitioner Library, harvest, mirror)",
    })
    void greenOnlyWhenTheLatestRunOfEachWorkflowSucceeded(String home, String practitioner, String harvest, String mirror,
            String nightly, String colour, String reason) {
        ProjectStatus.Verdict verdict = SomaProjectStatus.verdict(BackendReply.ok(Backend.SOMA, 200,
                status(home, practitioner, harvest, mirror, nightly, true)));
        assertThat(verdict.status()).isEqualTo(colour);
        assertThat(verdict.reason()).startsWith(reason);
    }

    @org.junit.jupiter.api.Test
    void anInvalidConfigIsRedAndAnUnreadableServiceYellowWithTheReason() {
        assertThat(SomaProjectStatus.verdict(BackendReply.ok(Backend.SOMA, 200,
                status("success", "success", "success", "success", "success", false))))
                .isEqualTo(new ProjectStatus.Verdict("red", "config/soma.json is invalid: every Soma run is refused"));
        ProjectStatus.Verdict down = SomaProjectStatus.verdict(BackendReply.unavailable(Backend.SOMA, "connection refused"));
        assertThat(down.status()).isEqualTo("yellow");
        assertThat(down.reason()).isEqualTo("Soma status unknown: soma-sync-service unavailable: connection refused");
    }

    /** The recorded status with each workflow's last run replaced. */
    static SomaContract.Status status(String home, String practitioner, String harvest, String mirror, String nightly,
            boolean configValid) {
        ObjectNode body = Replay.json("soma-sync-service", "status").deepCopy();
        body.put("configValid", configValid);
        ArrayNode workflows = (ArrayNode) body.get("workflows");
        String[] states = {home, practitioner, harvest, mirror, nightly};
        assertThat(workflows).hasSize(5);
        for (int i = 0; i < states.length; i++) {
            ObjectNode w = (ObjectNode) workflows.get(i);
            if ("-".equals(states[i])) {
                w.set("lastRun", NullNode.getInstance());
                continue;
            }
            JsonNode template = w.path("lastRun").isObject() ? w.get("lastRun") : workflows.get(0).get("lastRun");
            ObjectNode run = template.deepCopy();
            run.put("status", states[i]);
            run.put("error", "success".equals(states[i]) || "running".equals(states[i]) ? null : "boom");
            w.set("lastRun", run);
        }
        return BackendJson.read(body, SomaContract.Status.class);
    }
}
