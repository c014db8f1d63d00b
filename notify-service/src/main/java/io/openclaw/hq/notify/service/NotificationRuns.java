package io.openclaw.hq.notify.service;

import io.openclaw.hq.platform.sms.SmsAllowlist;

import io.openclaw.hq.notify.model.Channel;
import io.openclaw.hq.notify.model.ChannelResult;
import io.openclaw.hq.notify.model.DeliveryOutcome;
import io.openclaw.hq.notify.model.NotificationKind;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.platform.runs.RunTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every notification sent is a run of notify-service (area {@code notify}, action
 * {@code alert.<kind>} or {@code sms}), so the HQ Runs page shows what went out and what failed.
 * Suppressed alerts are not runs: nothing was executed.
 */
@ApplicationScoped
public class NotificationRuns {

    public static final String AREA = "notify";

    /** The run that carried a notification, and what happened per channel. */
    public record Outcome(String runId, List<ChannelResult> channels) {
    }

    private final RunRecorder recorder;
    private final DeliveryDispatcher dispatcher;

    public NotificationRuns(RunRecorder recorder, DeliveryDispatcher dispatcher) {
        this.recorder = recorder;
        this.dispatcher = dispatcher;
    }

    public Outcome deliver(Notification n, List<Channel> channels, String actor) {
        try (RunHandle run = recorder.start(RunRequest.of(AREA, action(n.kind()), RunTrigger.API, actor))) {
            run.log(n.kind().wire() + " " + (n.checkId() == null ? "" : n.checkId() + " ") + n.severity().wire()
                    + " from " + n.source() + " → " + (channels.isEmpty() ? "no channel (severity not routed)"
                            : channels.stream().map(Channel::wire).collect(Collectors.joining(", "))));
            List<ChannelResult> results = dispatcher.dispatch(n, channels, run.id());
            return new Outcome(run.id(), finish(run, n, results));
        }
    }

    public Outcome deliverSms(Notification n, String to, String actor) {
        try (RunHandle run = recorder.start(RunRequest.of(AREA, "sms", RunTrigger.API, actor))) {
            run.log("direct SMS from " + n.source() + " to " + SmsAllowlist.mask(to));
            ChannelResult result = dispatcher.directSms(n, to, run.id());
            return new Outcome(run.id(), finish(run, n, List.of(result)));
        }
    }

    private static List<ChannelResult> finish(RunHandle run, Notification n, List<ChannelResult> results) {
        for (ChannelResult r : results) {
            run.log(r.channel().wire() + (r.recipient() == null ? "" : " " + r.recipient()) + ": " + r.outcome().wire()
                    + (r.error() == null ? "" : " (" + r.error() + ")"));
        }
        String summary = n.kind().wire() + (n.checkId() == null ? "" : " " + n.checkId()) + ": "
                + (results.isEmpty() ? "no channel" : results.stream()
                        .map(r -> r.channel().wire() + " " + r.outcome().wire()).collect(Collectors.joining(", ")));
        List<String> errors = results.stream()
                .filter(r -> r.outcome() == DeliveryOutcome.FAILED || r.outcome() == DeliveryOutcome.NOT_CONFIGURED)
                .map(r -> r.channel().wire() + ": " + r.error()).toList();
        boolean anyFailed = results.stream().anyMatch(r -> r.outcome() == DeliveryOutcome.FAILED);
        if (anyFailed) {
            run.fail(summary, String.join("; ", errors));
        } else {
            errors.forEach(run::warn);
            run.succeed(summary);
        }
        return results;
    }

    private static String action(NotificationKind kind) {
        return "alert." + kind.wire();
    }
}
