package io.openclaw.hq.gateway.sms;

import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.audit.AuditLog;
import io.openclaw.hq.gateway.auth.Principal;
import io.openclaw.hq.platform.secrets.SecretMasking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides one inbound SMS, whichever way it arrived (read by the poller, or posted by the webhook
 * when that is switched on): the sender must be on the allowlist, may send one command a minute,
 * and the command becomes the same allowlisted action a button starts, with trigger {@code sms}
 * and the sender's fingerprint as actor. Every decision is audited with that fingerprint only.
 */
@ApplicationScoped
public class SmsDesk {

    private final SmsAllowlist allowlist;
    private final SmsSenderLimiter limiter;
    private final SmsCommands commands;
    private final AuditLog audit;

    public SmsDesk(SmsAllowlist allowlist, SmsSenderLimiter limiter, SmsCommands commands, AuditLog audit) {
        this.allowlist = allowlist;
        this.limiter = limiter;
        this.commands = commands;
        this.audit = audit;
    }

    /** The actor an SMS sender is named by: the fingerprint of the number, never the number. */
    public static String actorOf(String from) {
        return from == null || from.isBlank() ? "sms:unknown" : SecretMasking.fingerprint(from.strip());
    }

    /** @param via how it arrived ({@code poll} or {@code webhook}), for the audit */
    public SmsDecision decide(String from, String body, String via) {
        String actor = actorOf(from);
        if (!allowlist.allows(from)) {
            record("sms.command", "refused", actor, "sender not on the SMS allowlist (" + via + ")");
            return SmsDecision.silent("refused");
        }
        String command = SmsCommands.commandOf(body);
        if (command.isEmpty()) {
            record("sms.command", "help", actor, "not a command (" + via + ")");
            return new SmsDecision("help", SmsCommands.HELP);
        }
        if (!limiter.tryAcquire(from.strip())) {
            record("sms.command", "rate_limited", actor, command + ": more than one command a minute (" + via + ")");
            return new SmsDecision("rate_limited", "One command a minute, please. Try again shortly.");
        }
        record("sms.command", "accepted", actor, command + " (" + via + ")");
        String reply = commands.handle(command, new Principal(Principal.Kind.TOKEN, actor, null, "sms", null));
        return new SmsDecision("accepted", reply);
    }

    /** A message that arrived too late to be acted on: recorded, not run, not answered. */
    public void expired(String from, String body, String age) {
        String command = SmsCommands.commandOf(body);
        record("sms.command", "expired", actorOf(from),
                (command.isEmpty() ? "a message" : command) + " read " + age + " after it was sent: not run (poll)");
    }

    private void record(String event, String outcome, String actor, String detail) {
        audit.append(new AuditEvent(event, outcome, actor, null, "sms", detail));
    }
}
