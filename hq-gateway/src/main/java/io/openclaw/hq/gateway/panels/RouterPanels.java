package io.openclaw.hq.gateway.panels;

import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.RouterContract;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** llm-router-service's answers as panels: routing and review gate, providers, keys, provider doctor, spend. */
final class RouterPanels {

    static final String SERVICE = "llm-router-service";
    static final int SERIES_COLOURS = 6;

    private RouterPanels() {
    }

    /** The review gate, fallback, caps, budget and whether the router's config is valid. */
    static Panel router(BackendReply<RouterContract.Status> reply) {
        return PanelReader.panel("LLM router", reply, status -> {
            Panel.Builder panel = Panel.ok("LLM router", SERVICE);
            RouterContract.Router router = status.router();
            if (router != null) {
                panel.row("review gate", gate(router), "fail-closed".equals(router.reviewGate()) ? "ok" : "warn");
                panel.row("router build", build(router.version()), buildTone(router.version()));
                RouterContract.ReviewGateState state = router.reviewGateState();
                if (state != null) {
                    panel.row("reviewer's breaker", Words.verdict(state.pinnedBreaker()), PanelReader.tone(state.pinnedBreaker()));
                    if (state.fallback() != null) {
                        panel.row("fallback's breaker", Words.verdict(state.fallback().breaker()),
                                PanelReader.tone(state.fallback().breaker()));
                    }
                    panel.row("reviews refused (24 h)", state.failedClosedLast24h() == 0 ? "none"
                            : state.failedClosedLast24h() + ", the gate failed closed", state.failedClosedLast24h() == 0 ? "ok"
                                    : "bad");
                    if (state.lastFailedClosed() != null) {
                        panel.row("last refusal", PanelReader.readable(state.lastFailedClosed().at()) + ": " + state.lastFailedClosed().error()
                                + " (run " + state.lastFailedClosed().runId() + ")", "bad");
                    }
                }
                RouterContract.Fallback fallback = router.reviewFallback();
                panel.row("review fallback", fallback == null ? "none"
                        : fallback.provider() + " " + fallback.model() + (fallback.enabled() ? "" : " (disabled)"),
                        fallback == null || fallback.enabled() ? "" : "warn");
                if (router.reviewCaps() != null) {
                    panel.row("review caps", router.reviewCaps().maxOutputTokens() + " output tokens, temperature "
                            + router.reviewCaps().temperature());
                }
                RouterContract.Budget budget = router.budget();
                if (budget != null) {
                    if (budget.maxUsdPerReview() != null) {
                        panel.row("budget", "$" + plain(budget.maxUsdPerReview()) + " per review, $"
                                + plain(budget.maxUsdPerRun()) + " per run");
                    }
                    panel.row("spent today", "$" + plain(budget.spentUsdToday()) + " in " + budget.callsToday() + " calls");
                    panel.row("reserved now", "$" + plain(budget.reservedUsd()) + " by " + budget.runsHoldingReservations()
                            + (budget.runsHoldingReservations() == 1 ? " run" : " runs"));
                    if (budget.pricedModels() != null) {
                        panel.row("priced models", String.join(", ", budget.pricedModels()));
                    }
                }
                if (router.general() != null) {
                    panel.row("general route", router.general().provider() + " " + router.general().model());
                }
            }
            RouterContract.ConfigHealth config = status.config();
            if (config != null) {
                panel.row("config", (config.valid() ? "valid" : "invalid") + " (" + config.file() + ")",
                        config.valid() ? "ok" : "bad");
                for (String violation : config.violations()) {
                    panel.row("violation", violation, "bad");
                }
            }
            return panel.build();
        });
    }

    /**
     * The router's build as review records name it; a build from uncommitted changes, or one that
     * cannot name its commit, is worth a look before trusting its verdicts. One reading of the
     * version gives both the words and the tone.
     */
    private enum Build {
        CLEAN(""), DIRTY(" (built from uncommitted changes)"), COMMIT_UNKNOWN(" (built without git: the commit is unknown)"),
        NOT_REPORTED("not reported (reviews are refused until it is)");

        final String note;

        Build(String note) {
            this.note = note;
        }

        static Build of(String version) {
            if (version == null || version.isBlank()) {
                return NOT_REPORTED;
            }
            if (version.endsWith("+commit-unknown")) {
                return COMMIT_UNKNOWN;
            }
            return version.endsWith(".dirty") ? DIRTY : CLEAN;
        }
    }

    static String build(String version) {
        Build build = Build.of(version);
        return build == Build.NOT_REPORTED ? build.note : version + build.note;
    }

    static String buildTone(String version) {
        return Build.of(version) == Build.CLEAN ? "ok" : "warn";
    }

    /** The review gate in a sentence: which model reviews, and that it fails closed. */
    static String gate(RouterContract.Router router) {
        String who = router.reviewProvider() + (router.reviewModel() == null ? "" : " " + router.reviewModel());
        return router.reviewGate() + " (" + who + ")";
    }

    /** Each provider: state (a disabled one says disabled), breaker, role in reviews, last error. */
    static Panel providers(BackendReply<RouterContract.Status> reply) {
        return PanelReader.panel("LLM providers", reply, status -> {
            Panel.Builder panel = Panel.ok("LLM providers", SERVICE);
            if (status.router() != null) {
                panel.row("review gate", gate(status.router()), "fail-closed".equals(status.router().reviewGate()) ? "ok"
                        : "warn");
                panel.row("router build", build(status.router().version()), buildTone(status.router().version()));
            }
            for (Map.Entry<String, RouterContract.Provider> entry : status.providers().entrySet()) {
                RouterContract.Provider p = entry.getValue();
                String state = p.enabled() ? p.state() : "disabled";
                List<String> details = new ArrayList<>();
                details.add("breaker " + Words.verdict(p.breaker()));
                details.add("review role: " + p.reviewRole());
                if (p.lastErrorClass() != null) {
                    details.add("last error: " + Words.verdict(p.lastErrorClass()));
                }
                if (p.doctor() != null) {
                    details.add("provider doctor " + PanelReader.readable(p.doctor().at()) + ": " + p.doctor().state()
                            + (p.doctor().detail() == null || p.doctor().detail().isBlank() ? "" : ", " + p.doctor().detail()));
                }
                panel.item(new Item(entry.getKey(), Words.verdict(state), p.enabled() ? PanelReader.tone(state) : "",
                        keyText(p), details, null));
            }
            return panel.build();
        });
    }

    /** Keys only: masked form and fingerprint, or why there is none. Never the key. */
    static Panel connections(BackendReply<RouterContract.Status> reply) {
        return PanelReader.panel("AI connections", reply, status -> {
            Panel.Builder panel = Panel.ok("AI connections", SERVICE);
            for (Map.Entry<String, RouterContract.Provider> entry : status.providers().entrySet()) {
                RouterContract.Provider p = entry.getValue();
                String tone = !p.enabled() ? "" : p.configured() ? "ok" : "bad";
                boolean hasKey = p.keyMasked() != null || p.keyFingerprint() != null;
                panel.row(entry.getKey(), keyText(p) + (p.enabled() || !hasKey ? "" : " (disabled)"), tone);
            }
            return panel.build();
        });
    }

    /** "sk-…a5b4 · sha256:0123… (file)", "no key needed", "not used while disabled", or "no key (missing)". */
    static String keyText(RouterContract.Provider p) {
        if (!p.enabled() && p.keyMasked() == null && p.keyFingerprint() == null) {
            return "not used while disabled";
        }
        if (p.keyMasked() != null || p.keyFingerprint() != null) {
            return (p.keyMasked() == null ? "" : p.keyMasked()) + (p.keyFingerprint() == null ? ""
                    : " · " + p.keyFingerprint()) + (p.keySource() == null ? "" : " (" + p.keySource() + ")");
        }
        if (p.keySource() == null && p.configured()) {
            return "no key needed";
        }
        return "no key (missing)";
    }

    /** The last provider doctor run, provider by provider. */
    static Panel providerDoctor(BackendReply<RouterContract.Status> reply) {
        return PanelReader.panel("Provider doctor", reply, status -> {
            Panel.Builder panel = Panel.ok("Provider doctor", SERVICE);
            RouterContract.DoctorSummary doctor = status.doctor();
            if (doctor == null) {
                return panel.note("No provider doctor run yet: press Run provider doctor.").build();
            }
            panel.row("verdict", Words.verdict(doctor.state()), PanelReader.tone(doctor.state()))
                    .row("run at", PanelReader.readable(doctor.lastTimestamp()));
            if (doctor.runId() != null) {
                panel.row("run", doctor.runId());
            }
            for (Map.Entry<String, RouterContract.ProviderCheck> entry : doctor.providers().entrySet()) {
                RouterContract.ProviderCheck check = entry.getValue();
                String state = check.enabled() ? check.state() : "disabled";
                List<String> details = new ArrayList<>();
                if (check.httpStatus() != null) {
                    details.add("HTTP " + check.httpStatus());
                }
                if (check.lastErrorClass() != null) {
                    details.add("error: " + Words.verdict(check.lastErrorClass()));
                }
                panel.item(new Item(entry.getKey(), Words.verdict(state), check.enabled() ? PanelReader.tone(state) : "",
                        check.detail(), details, null));
            }
            return panel.build();
        });
    }

    /** One bar per day with the models stacked; totals of cost, calls and tokens; each model's share. */
    static Panel spend(BackendReply<RouterContract.Spend> reply) {
        String title = "LLM spend, 30 days";
        return PanelReader.panel(title, reply, spend -> {
            Map<String, Map<String, BigDecimal>> perDay = new TreeMap<>();
            Map<String, long[]> perModel = new TreeMap<>();
            Map<String, BigDecimal> costPerModel = new TreeMap<>();
            long prompt = 0;
            long completion = 0;
            java.time.LocalDate first = spend.since() == null ? null
                    : java.time.LocalDate.ofInstant(spend.since(), java.time.ZoneOffset.UTC);
            for (int d = 0; first != null && d < spend.days(); d++) {
                perDay.put(first.plusDays(d).toString(), new TreeMap<>());
            }
            for (RouterContract.DailySpend day : spend.daily()) {
                String model = day.provider() + " " + day.model();
                BigDecimal cost = day.costUsd() == null ? BigDecimal.ZERO : day.costUsd();
                perDay.computeIfAbsent(day.day(), k -> new TreeMap<>()).merge(model, cost, BigDecimal::add);
                long[] counts = perModel.computeIfAbsent(model, k -> new long[3]);
                counts[0] += day.calls();
                counts[1] += day.promptTokens();
                counts[2] += day.completionTokens();
                costPerModel.merge(model, cost, BigDecimal::add);
                prompt += day.promptTokens();
                completion += day.completionTokens();
            }
            List<SvgCharts.Series> series = new ArrayList<>();
            int colour = 0;
            for (String model : perModel.keySet()) {
                series.add(new SvgCharts.Series(model, "series-" + (colour++ % SERIES_COLOURS)));
            }
            List<SvgCharts.Bar> bars = new ArrayList<>();
            for (Map.Entry<String, Map<String, BigDecimal>> day : perDay.entrySet()) {
                List<SvgCharts.Part> parts = new ArrayList<>();
                for (String model : perModel.keySet()) {
                    parts.add(new SvgCharts.Part(model, day.getValue().getOrDefault(model, BigDecimal.ZERO).doubleValue()));
                }
                bars.add(new SvgCharts.Bar(day.getKey(), parts));
            }
            Panel.Builder panel = Panel.ok(title, SERVICE)
                    .row("total", "$" + plain(spend.totalUsd()) + " " + (spend.currency() == null ? "" : spend.currency()))
                    .row("calls", Long.toString(spend.totalCalls()))
                    .row("tokens", prompt + " in, " + completion + " out");
            for (Map.Entry<String, long[]> model : perModel.entrySet()) {
                long[] c = model.getValue();
                panel.item(new Item(model.getKey(), null, "", "$" + plain(costPerModel.get(model.getKey())) + " · " + c[0]
                        + " calls · " + c[1] + " tokens in, " + c[2] + " out", List.of(), null));
            }
            return panel.svg(SvgCharts.stacked("LLM spend per day in USD, models stacked", bars, series, " USD")).build();
        });
    }

    static String plain(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        BigDecimal v = value.scale() > 4 ? value.setScale(4, RoundingMode.HALF_UP) : value;
        if (v.signum() == 0 && value.signum() > 0) {
            // a tenth of a cent or less is not nothing
            return "<0.0001";
        }
        return v.stripTrailingZeros().toPlainString();
    }
}
