package io.openclaw.hq.gateway.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.gateway.backends.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionCatalogTest {

    @Test
    void exactlyTheReferenceAllowlist() {
        assertThat(ActionCatalog.names()).containsExactlyInAnyOrder("doctor", "apply", "guard", "ports", "timer", "journal",
                "artifacts", "soma_snapshot_home", "soma_snapshot_practitioner", "soma_harvest", "soma_mirror",
                "soma_status", "sms_status", "llm_doctor", "notify_credentials", "soma_credentials");
    }

    @ParameterizedTest
    @CsvSource({"doctor, DOCTOR, false", "apply, DOCTOR, true", "guard, DOCTOR, true", "soma_harvest, SOMA, false",
            "sms_status, NOTIFY, false", "llm_doctor, LLM, false", "notify_credentials, NOTIFY, false",
            "soma_credentials, SOMA, false"})
    void mapping(String action, Backend backend, boolean changesHost) {
        ActionSpec spec = ActionCatalog.find(action).orElseThrow();
        assertThat(spec.backend()).isEqualTo(backend);
        assertThat(spec.changesHost()).isEqualTo(changesHost);
    }

    @Test
    void unknownAndNullAreNotFound() {
        assertThat(ActionCatalog.find("shell")).isEmpty();
        assertThat(ActionCatalog.find(null)).isEmpty();
        assertThat(ActionCatalog.find("DOCTOR")).isEmpty();
    }
}
