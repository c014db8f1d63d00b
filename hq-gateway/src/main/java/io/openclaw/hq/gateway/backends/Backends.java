package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.platform.runs.RunLogPage;
import io.openclaw.hq.platform.runs.RunRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Every read the pages make of a backend, each answering a {@link BackendReply} of its contract
 * record and never throwing: a service that is down, slow, behind an open breaker, or whose answer
 * does not fit the contract becomes {@code UNAVAILABLE}. Short timeouts and one breaker per
 * service; actions go through {@link BackendActions} instead.
 */
@ApplicationScoped
public class Backends {

    private static final Logger LOG = Logger.getLogger(Backends.class);

    private final DoctorClient doctor;
    private final LlmClient llm;
    private final NotifyClient notify;
    private final SomaClient soma;
    private final RunnerClient runner;

    public Backends(DoctorClient doctor, LlmClient llm, NotifyClient notify, SomaClient soma, RunnerClient runner) {
        this.doctor = doctor;
        this.llm = llm;
        this.notify = notify;
        this.soma = soma;
        this.runner = runner;
    }

    // ---- the run feed every service has

    public BackendReply<List<RunRecord>> runs(Backend backend, String since, int limit) {
        return typed(backend, () -> clientOf(backend).call(api -> api.runs(since, limit)), new TypeReference<>() {
        });
    }

    public BackendReply<RunRecord> run(Backend backend, String id) {
        return typed(backend, () -> clientOf(backend).call(api -> api.run(id)), new TypeReference<>() {
        });
    }

    public BackendReply<RunLogPage> runLog(Backend backend, String id, int after) {
        return typed(backend, () -> clientOf(backend).call(api -> api.runLog(id, after)), new TypeReference<>() {
        });
    }

    private BackendClient<? extends RunsApi> clientOf(Backend backend) {
        return switch (backend) {
            case DOCTOR -> doctor;
            case LLM -> llm;
            case NOTIFY -> notify;
            case SOMA -> soma;
            case RUNNER -> runner;
        };
    }

    // ---- what the pages show

    public BackendReply<List<DoctorContract.Report>> doctorReports(int limit) {
        return typed(Backend.DOCTOR, () -> doctor.call(api -> api.reports(limit)), new TypeReference<>() {
        });
    }

    /** The report of one doctor run (its run page shows it). */
    public BackendReply<DoctorContract.Report> doctorReport(String runId) {
        return typed(Backend.DOCTOR, () -> doctor.call(api -> api.report(runId)), new TypeReference<>() {
        });
    }

    /** What one heal did (its run page shows it). */
    public BackendReply<DoctorContract.HealResult> healResult(String runId) {
        return typed(Backend.DOCTOR, () -> doctor.call(api -> api.healResult(runId)), new TypeReference<>() {
        });
    }

    public BackendReply<DoctorContract.History> doctorHistory(int days) {
        return typed(Backend.DOCTOR, () -> doctor.call(api -> api.history(days)), new TypeReference<>() {
        });
    }

    public BackendReply<DoctorContract.GuardStatus> guardStatus() {
        return typed(Backend.DOCTOR, () -> doctor.call(DoctorApi::guardStatus), new TypeReference<>() {
        });
    }

    public BackendReply<DoctorContract.GuardLog> guardLog(int lines) {
        return typed(Backend.DOCTOR, () -> doctor.call(api -> api.guardLog(lines)), new TypeReference<>() {
        });
    }

    public BackendReply<RouterContract.Status> llmStatus() {
        return typed(Backend.LLM, () -> llm.call(LlmApi::status), new TypeReference<>() {
        });
    }

    public BackendReply<RouterContract.Spend> llmSpend(int days) {
        return typed(Backend.LLM, () -> llm.call(api -> api.spend(days)), new TypeReference<>() {
        });
    }

    public BackendReply<NotifyContract.Status> notifyStatus() {
        return typed(Backend.NOTIFY, () -> notify.call(NotifyApi::status), new TypeReference<>() {
        });
    }

    public BackendReply<List<NotifyContract.Delivery>> notifyDeliveries(int limit) {
        return typed(Backend.NOTIFY, () -> notify.call(api -> api.deliveries(limit)), new TypeReference<>() {
        });
    }

    /** notify-service's check of one provider's credentials: pushover or twilio. */
    public BackendReply<CredentialCheck> notifyProviderCheck(String provider) {
        return typed(Backend.NOTIFY, () -> notify.call(api -> api.providerCheck(provider)), new TypeReference<>() {
        });
    }

    /** soma-sync-service's check of one provider's credentials: kajabi or gmail. */
    public BackendReply<CredentialCheck> somaCredentialCheck(String provider) {
        return typed(Backend.SOMA, () -> soma.call(api -> api.credentialCheck(provider)), new TypeReference<>() {
        });
    }

    public BackendReply<SomaContract.Status> somaStatus() {
        return typed(Backend.SOMA, () -> soma.call(SomaApi::status), new TypeReference<>() {
        });
    }

    public BackendReply<List<SomaContract.Error>> somaErrors(int limit) {
        return typed(Backend.SOMA, () -> soma.call(api -> api.errors(limit)), new TypeReference<>() {
        });
    }

    /** 404 (refused) until a mirror run has succeeded; its problem detail says so. */
    public BackendReply<SomaContract.LatestMirror> somaLatestMirror() {
        return typed(Backend.SOMA, () -> soma.call(SomaApi::latestMirror), new TypeReference<>() {
        });
    }

    /** 404 (refused) until the product has a good snapshot. */
    public BackendReply<SomaContract.LatestChanges> somaLatestChanges(String productSlug) {
        return typed(Backend.SOMA, () -> soma.call(api -> api.latestChanges(productSlug)), new TypeReference<>() {
        });
    }

    private static <T> BackendReply<T> typed(Backend backend, Supplier<BackendReply<JsonNode>> call, TypeReference<T> type) {
        return read(guarded(backend, call), type);
    }

    /** The body read into its contract record; an answer that does not fit is named, not guessed at. */
    public static <T> BackendReply<T> read(BackendReply<JsonNode> reply, TypeReference<T> type) {
        if (!reply.isOk()) {
            return reply.map(body -> null);
        }
        try {
            return reply.map(body -> BackendJson.read(body, type));
        } catch (IllegalArgumentException e) {
            LOG.warnf("%s: answer does not fit %s: %s", reply.backend().serviceName(), type.getType().getTypeName(),
                    e.getMessage());
            return BackendReply.unavailable(reply.backend(), "answer not understood (does not fit the contract)");
        }
    }

    public static BackendReply<JsonNode> guarded(Backend backend, Supplier<BackendReply<JsonNode>> call) {
        try {
            return call.get();
        } catch (CircuitBreakerOpenException e) {
            return BackendReply.unavailable(backend, "recent calls failed; retrying in a few seconds");
        } catch (BackendUnavailableException e) {
            return BackendReply.unavailable(backend, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("%s: unexpected failure %s", backend.serviceName(), e.getClass().getSimpleName());
            return BackendReply.unavailable(backend, BackendCalls.describe(e));
        }
    }
}
