package io.openclaw.hq.gateway.actions;

import io.openclaw.hq.gateway.backends.Backend;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The action allowlist of the reference console (doctor, apply, guard, ports, timer, journal,
 * artifacts, the Soma workflow, sms_status, llm_doctor), and the credential checks of
 * {@code ./hq secrets doctor} (notify_credentials, soma_credentials). Nothing else can be started from HQ.
 */
public final class ActionCatalog {

    private static final String INFRA = "infra_openclaw";
    private static final String SOMA = "soma_kajabi_library_ownership";
    private static final Map<String, ActionSpec> ACTIONS = new LinkedHashMap<>();

    static {
        add("doctor", "Run doctor", "All nine host checks now (POST /doctor/run).", Backend.DOCTOR, false, INFRA, Set.of());
        add("apply", "Apply safe fix", "Heal: apply the one known fix, verify, collect evidence (POST /heal mode=apply).",
                Backend.DOCTOR, true, INFRA, Set.of());
        add("guard", "Run guard once", "One guard pass with safe remediation (POST /guard/run).", Backend.DOCTOR, true,
                INFRA, Set.of());
        add("ports", "Port audit", "The port audit of the latest doctor report (GET /doctor/reports?limit=1).",
                Backend.DOCTOR, false, INFRA, Set.of());
        add("timer", "Guard timer", "Guard schedule and health (GET /guard/status).", Backend.DOCTOR, false, INFRA, Set.of());
        add("journal", "Tail guard log", "The last guard log lines (GET /guard/log).", Backend.DOCTOR, false, INFRA,
                Set.of("lines"));
        add("artifacts", "List artifacts", "The areas of the artifact tree (read-only, by the gateway).", null, false,
                INFRA, Set.of());
        add("soma_snapshot_home", "Snapshot Home library", "Kajabi snapshot of Home User Library (POST /soma/snapshot).",
                Backend.SOMA, false, SOMA, Set.of());
        add("soma_snapshot_practitioner", "Snapshot Practitioner library",
                "Kajabi snapshot of Practitioner Library (POST /soma/snapshot).", Backend.SOMA, false, SOMA, Set.of());
        add("soma_harvest", "Harvest Gmail videos", "Gmail video harvest (POST /soma/harvest).", Backend.SOMA, false, SOMA,
                Set.of());
        add("soma_mirror", "Mirror report", "Home → Practitioner mirror report (POST /soma/mirror).", Backend.SOMA, false,
                SOMA, Set.of());
        add("soma_status", "Soma status", "Last Soma runs and state (GET /soma/status).", Backend.SOMA, false, SOMA, Set.of());
        add("sms_status", "SMS status", "Alert state and outbound SMS health (GET /status of notify).", Backend.NOTIFY, false,
                INFRA, Set.of());
        add("notify_credentials", "Check Pushover/Twilio keys",
                "One light authenticated call per provider with the stored credentials (POST /providers/{p}/check).",
                Backend.NOTIFY, false, INFRA, Set.of("provider"));
        add("soma_credentials", "Check Kajabi/Gmail keys",
                "Kajabi token request and IMAP login with the stored credentials (POST /soma/credentials/check).",
                Backend.SOMA, false, SOMA, Set.of("provider"));
        add("llm_doctor", "LLM provider doctor", "Provider preflight: OpenAI and Mistral state (POST /v1/doctor).",
                Backend.LLM, false, INFRA, Set.of());
    }

    private ActionCatalog() {
    }

    private static void add(String name, String label, String description, Backend backend, boolean changesHost,
            String project, Set<String> params) {
        ACTIONS.put(name, new ActionSpec(name, label, description, backend, changesHost, project, params));
    }

    public static Optional<ActionSpec> find(String name) {
        return Optional.ofNullable(name == null ? null : ACTIONS.get(name));
    }

    public static Collection<ActionSpec> all() {
        return ACTIONS.values();
    }

    public static Set<String> names() {
        return ACTIONS.keySet();
    }
}
