package io.openclaw.hq.gateway.backends;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.gateway.Replay;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract;
import io.openclaw.hq.platform.runs.RunAccepted;
import io.openclaw.hq.platform.runs.RunLogPage;
import io.openclaw.hq.platform.runs.RunRecord;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway reads nothing a backend does not send: for every answer it reads, the recorded
 * contract's body fits the gateway's record, and every field the record names is in the body
 * (objects recursively; for a list or map, in at least one of its elements). A backend that drops
 * or renames a field fails its own contract test; a gateway record that names a field the backend
 * never sent fails here.
 */
class ContractsTest {

    /** Fields a backend leaves out when they have no value (JsonInclude NON_NULL), so a recording may lack them. */
    static final Set<String> OMITTED_WHEN_EMPTY = Set.of("Check.remediation", "Provider.last_error_class",
            "Provider.key_masked", "Provider.key_fingerprint", "Provider.api_base", "ProviderCheck.http_status",
            "ProviderCheck.last_error_class", "Fix.succeeded",
            "Channel.quota", "Channel.allowlistedNumbers");

    static Stream<Arguments> contracts() {
        return Stream.of(
                Arguments.of("doctor-service", "reports", new TypeReference<List<DoctorContract.Report>>() { }),
                Arguments.of("doctor-service", "report", new TypeReference<DoctorContract.Report>() { }),
                Arguments.of("doctor-service", "heal-result", new TypeReference<DoctorContract.HealResult>() { }),
                Arguments.of("doctor-service", "history", new TypeReference<DoctorContract.History>() { }),
                Arguments.of("doctor-service", "guard-status", new TypeReference<DoctorContract.GuardStatus>() { }),
                Arguments.of("doctor-service", "guard-log", new TypeReference<DoctorContract.GuardLog>() { }),
                Arguments.of("doctor-service", "doctor-run", new TypeReference<RunAccepted>() { }),
                Arguments.of("doctor-service", "runs", new TypeReference<List<RunRecord>>() { }),
                Arguments.of("doctor-service", "run", new TypeReference<RunRecord>() { }),
                Arguments.of("doctor-service", "run-log", new TypeReference<RunLogPage>() { }),
                Arguments.of("llm-router-service", "status", new TypeReference<RouterContract.Status>() { }),
                Arguments.of("llm-router-service", "spend", new TypeReference<RouterContract.Spend>() { }),
                Arguments.of("llm-router-service", "doctor-run", new TypeReference<RunAccepted>() { }),
                Arguments.of("doctor-service", "guard-run", new TypeReference<RunAccepted>() { }),
                Arguments.of("doctor-service", "heal", new TypeReference<RunAccepted>() { }),
                Arguments.of("notify-service", "status", new TypeReference<NotifyContract.Status>() { }),
                Arguments.of("notify-service", "deliveries", new TypeReference<List<NotifyContract.Delivery>>() { }),
                Arguments.of("runner-service", "jobs-allowlist", new TypeReference<RunnerJobsContract.Allowlist>() { }),
                Arguments.of("runner-service", "jobs", new TypeReference<List<RunnerJobsContract.Job>>() { }),
                Arguments.of("runner-service", "job", new TypeReference<RunnerJobsContract.Job>() { }),
                Arguments.of("runner-service", "post-jobs", new TypeReference<RunnerJobsContract.JobAccepted>() { }),
                Arguments.of("runner-service", "job-artifacts", new TypeReference<RunnerJobsContract.JobArtifacts>() { }),
                Arguments.of("soma-sync-service", "status", new TypeReference<SomaContract.Status>() { }),
                Arguments.of("soma-sync-service", "errors", new TypeReference<List<SomaContract.Error>>() { }),
                Arguments.of("soma-sync-service", "mirror-latest", new TypeReference<SomaContract.LatestMirror>() { }),
                Arguments.of("soma-sync-service", "changes-latest", new TypeReference<SomaContract.LatestChanges>() { }),
                Arguments.of("soma-sync-service", "snapshot-accepted", new TypeReference<RunAccepted>() { }),
                Arguments.of("soma-sync-service", "snapshot-practitioner-accepted", new TypeReference<RunAccepted>() { }),
                Arguments.of("soma-sync-service", "harvest-accepted", new TypeReference<RunAccepted>() { }),
                Arguments.of("soma-sync-service", "mirror-accepted", new TypeReference<RunAccepted>() { }));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("contracts")
    void theGatewaysRecordReadsOnlyWhatTheBackendSends(String service, String name, TypeReference<?> type) {
        JsonNode body = Replay.contract(service, name).body();
        assertThat(BackendJson.read(body, type)).as("%s/%s read into %s", service, name, type.getType()).isNotNull();
        List<String> missing = new ArrayList<>();
        check("$", type.getType(), List.of(body), missing);
        assertThat(missing).as("fields the gateway reads that %s/%s does not send", service, name).isEmpty();
    }

    @AfterAll
    static void namePending() {
        if (!Replay.pending().isEmpty()) {
            System.out.println("[contracts] not yet recorded by the backends, replayed from contracts-pending: "
                    + Replay.pending());
        }
    }

    /** Every component of the record type must be present in at least one of {@code nodes}. */
    private static void check(String path, Type type, List<JsonNode> nodes, List<String> missing) {
        Class<?> raw = raw(type);
        if (List.class.isAssignableFrom(raw)) {
            List<JsonNode> elements = new ArrayList<>();
            nodes.forEach(n -> n.forEach(elements::add));
            if (!elements.isEmpty()) {
                check(path + "[]", ((ParameterizedType) type).getActualTypeArguments()[0], elements, missing);
            }
            return;
        }
        if (Map.class.isAssignableFrom(raw)) {
            List<JsonNode> values = new ArrayList<>();
            nodes.forEach(n -> n.elements().forEachRemaining(values::add));
            if (!values.isEmpty()) {
                check(path + ".*", ((ParameterizedType) type).getActualTypeArguments()[1], values, missing);
            }
            return;
        }
        if (!raw.isRecord()) {
            return;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            // JsonProperty has no RECORD_COMPONENT target: it lands on the accessor
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            String field = renamed != null ? renamed.value() : component.getName();
            List<JsonNode> present = nodes.stream().filter(n -> n.has(field)).map(n -> n.get(field))
                    .filter(v -> !v.isNull()).toList();
            boolean anyHas = nodes.stream().anyMatch(n -> n.has(field));
            if (!anyHas && !OMITTED_WHEN_EMPTY.contains(raw.getSimpleName() + "." + field)) {
                missing.add(path + "." + field);
            }
            if (!present.isEmpty()) {
                check(path + "." + field, component.getGenericType(), present, missing);
            }
        }
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
