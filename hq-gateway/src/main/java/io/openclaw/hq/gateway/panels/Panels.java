package io.openclaw.hq.gateway.panels;

import io.openclaw.hq.gateway.backends.Backend;
import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.Backends;
import io.openclaw.hq.gateway.backends.DisplayCache;
import io.openclaw.hq.gateway.backends.RouterContract;
import io.openclaw.hq.gateway.sms.SmsPoller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The panels of the Overview, Logs and LLM pages. All backend calls of a page start at once
 * through the display cache; each panel then waits for its own answer and says when it was fetched.
 */
@ApplicationScoped
public class Panels {

    public static final int GUARD_LOG_LINES = 20;
    static final int HISTORY_DAYS = 7;
    static final int SPEND_DAYS = 30;
    static final int DELIVERIES = 10;

    private static final String DOCTOR = Backend.DOCTOR.serviceName() + ":";
    private static final String LLM = Backend.LLM.serviceName() + ":";
    private static final String NOTIFY = Backend.NOTIFY.serviceName() + ":";

    private final Backends backends;
    private final DisplayCache cache;
    private final SmsPoller smsPoller;

    public Panels(Backends backends, DisplayCache cache, SmsPoller smsPoller) {
        this.backends = backends;
        this.cache = cache;
        this.smsPoller = smsPoller;
    }

    public OverviewView overview() {
        var reports = cache.get(DOCTOR + "reports", () -> backends.doctorReports(1));
        var guard = cache.get(DOCTOR + "guard.status", backends::guardStatus);
        var log = cache.get(DOCTOR + "guard.log." + GUARD_LOG_LINES, () -> backends.guardLog(GUARD_LOG_LINES));
        var llm = cache.get(LLM + "status", backends::llmStatus);
        var history = cache.get(DOCTOR + "history", () -> backends.doctorHistory(HISTORY_DAYS));
        var spend = cache.get(LLM + "spend", () -> backends.llmSpend(SPEND_DAYS));
        var notify = cache.get(NOTIFY + "status", backends::notifyStatus);
        var deliveries = cache.get(NOTIFY + "deliveries", () -> backends.notifyDeliveries(DELIVERIES));
        BackendReply<RouterContract.Status> llmReply = llm.join();
        return new OverviewView(
                dated(DoctorPanels.report(reports.join()), reports),
                dated(DoctorPanels.guard(guard.join()), guard),
                dated(DoctorPanels.guardLog(log.join()), log),
                dated(RouterPanels.providers(llmReply), llm),
                dated(RouterPanels.connections(llmReply), llm),
                dated(DoctorPanels.history(history.join()), history),
                dated(RouterPanels.spend(spend.join()), spend),
                dated(NotifyPanels.notify(notify.join(), deliveries.join(), smsPoller.health()), notify));
    }

    public Panel guardLog(int lines) {
        var log = cache.get(DOCTOR + "guard.log." + lines, () -> backends.guardLog(lines));
        return dated(DoctorPanels.guardLog(log.join()), log);
    }

    public List<Panel> llmPage() {
        var llm = cache.get(LLM + "status", backends::llmStatus);
        var spend = cache.get(LLM + "spend", () -> backends.llmSpend(SPEND_DAYS));
        BackendReply<RouterContract.Status> llmReply = llm.join();
        return List.of(dated(RouterPanels.router(llmReply), llm), dated(RouterPanels.providers(llmReply), llm),
                dated(RouterPanels.connections(llmReply), llm), dated(RouterPanels.providerDoctor(llmReply), llm),
                dated(RouterPanels.spend(spend.join()), spend));
    }


    /** The router's status as read (for {@code /api/ai-status}). */
    public BackendReply<RouterContract.Status> routerStatus() {
        return cache.getNow(LLM + "status", backends::llmStatus);
    }


    private <T> Panel dated(Panel panel, CompletableFuture<BackendReply<T>> reply) {
        return panel.isOk() ? PanelReader.dated(panel, reply.join(), cache.ttl(), Instant.now()) : panel;
    }
}
