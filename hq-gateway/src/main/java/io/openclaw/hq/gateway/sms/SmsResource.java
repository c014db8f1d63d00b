package io.openclaw.hq.gateway.sms;

import io.openclaw.hq.gateway.auth.TrustedProxies;
import com.twilio.security.RequestValidator;
import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.auth.Principal;
import io.openclaw.hq.gateway.audit.AuditLog;
import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretMasking;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Inbound SMS from Twilio. Not behind the console login: the Twilio signature is the credential,
 * checked against the URL Twilio called (rebuilt from X-Forwarded-Proto and X-Forwarded-Host, as
 * Tailscale Serve forwards it). Then the sender must be allowlisted and may send one command a
 * minute. The answer is TwiML; every decision is audited with the sender's fingerprint only.
 */
@Path("/api/sms")
public class SmsResource {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    static final String TWILIO_TOKEN = "twilio_auth_token";

    private final SecretResolver secrets;
    private final SmsAllowlist allowlist;
    private final SmsSenderLimiter limiter;
    private final SmsCommands commands;
    private final AuditLog audit;
    private final TrustedProxies proxies;

    public SmsResource(SecretResolver secrets, SmsAllowlist allowlist, SmsSenderLimiter limiter, SmsCommands commands,
            AuditLog audit, TrustedProxies proxies) {
        this.proxies = proxies;
        this.secrets = secrets;
        this.allowlist = allowlist;
        this.limiter = limiter;
        this.commands = commands;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public Response receive(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        String from = form.getFirst("From");
        String actor = from == null ? "sms:unknown" : SecretMasking.fingerprint(from);
        Optional<Secret> token = secrets.resolve(TWILIO_TOKEN);
        if (token.isEmpty()) {
            record("sms.rejected", "refused", actor, "twilio_auth_token is not configured");
            return Response.status(503).type(MediaType.APPLICATION_XML_TYPE).entity(TwiML.empty()).build();
        }
        Map<String, String> params = new HashMap<>();
        form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        String url = publicUrl(request, proxies);
        String signature = request.getHeader(SIGNATURE_HEADER);
        if (signature == null || !new RequestValidator(token.get().reveal()).validate(url, params, signature)) {
            record("sms.rejected", "refused", actor, signature == null ? "missing " + SIGNATURE_HEADER : "bad Twilio signature");
            return Response.status(403).type(MediaType.APPLICATION_XML_TYPE).entity(TwiML.empty()).build();
        }
        if (!allowlist.allows(from)) {
            record("sms.command", "refused", actor, "sender not on the SMS allowlist");
            return twiml(TwiML.empty());
        }
        String command = SmsCommands.commandOf(form.getFirst("Body"));
        if (command.isEmpty()) {
            record("sms.command", "help", actor, "not a command");
            return twiml(TwiML.message(SmsCommands.HELP));
        }
        if (!limiter.tryAcquire(from)) {
            record("sms.command", "rate_limited", actor, command + ": more than one command a minute");
            return twiml(TwiML.message("One command a minute, please. Try again shortly."));
        }
        record("sms.command", "accepted", actor, command);
        String reply = commands.handle(command, new Principal(Principal.Kind.TOKEN, actor, null, "sms", null));
        return twiml(TwiML.message(reply));
    }

    /** The URL Twilio signed: the public scheme and host as the proxy forwarded them, and the path. */
    static String publicUrl(HttpServerRequest request, TrustedProxies proxies) {
        String proto = Optional.ofNullable(proxies.forwarded(request, "X-Forwarded-Proto")).orElse(request.scheme());
        String host = Optional.ofNullable(proxies.forwarded(request, "X-Forwarded-Host")).orElse(request.getHeader("Host"));
        String query = request.query();
        return proto + "://" + host + request.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    private static Response twiml(String body) {
        return Response.ok(body, MediaType.APPLICATION_XML_TYPE).build();
    }

    private void record(String event, String outcome, String actor, String detail) {
        audit.append(new AuditEvent(event, outcome, actor, null, "sms", detail));
    }
}
