package io.openclaw.hq.gateway.sms;

import io.openclaw.hq.gateway.auth.TrustedProxies;
import com.twilio.security.RequestValidator;
import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.audit.UnauthenticatedRefusals;
import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.vertx.core.http.HttpServerRequest;
import io.openclaw.hq.gateway.pages.FormFields;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Inbound SMS from Twilio calling in, only when {@code gateway.sms-inbound.webhook-enabled=true}
 * (the poller is the default way). Not behind the console login: the Twilio signature is the credential,
 * checked against the URL Twilio called (rebuilt from X-Forwarded-Proto and X-Forwarded-Host, as
 * Tailscale Serve forwards it). Then the sender must be allowlisted and may send one command a
 * minute. The answer is TwiML; every decision is audited with the sender's fingerprint only.
 */
@Path("/api/sms")
public class SmsResource {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    static final String TWILIO_TOKEN = "twilio_auth_token";

    private final SecretResolver secrets;
    private final SmsDesk desk;
    private final SmsInboundConfig config;
    private final UnauthenticatedRefusals refusals;
    private final TrustedProxies proxies;

    public SmsResource(SecretResolver secrets, SmsDesk desk, SmsInboundConfig config, UnauthenticatedRefusals refusals,
            TrustedProxies proxies) {
        this.proxies = proxies;
        this.secrets = secrets;
        this.desk = desk;
        this.config = config;
        this.refusals = refusals;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public Response receive(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpServerRequest request) {
        if (!config.webhookEnabled()) {
            // the poller reads inbound SMS; this door is open only when gateway.sms-inbound.webhook-enabled=true
            return Response.status(404).type(MediaType.APPLICATION_XML_TYPE).entity(TwiML.empty()).build();
        }
        MultivaluedMap<String, String> form;
        try {
            form = FormFields.read(body, contentType);
        } catch (FormFields.MalformedFormException e) {
            // Twilio never sends one; whoever did is refused as anyone unsigned is, and told what was wrong (problem JSON)
            record("sms.rejected", "refused", SmsDesk.actorOf(null), "malformed form: " + e.why());
            throw e;
        }
        String from = form.getFirst("From");
        String actor = SmsDesk.actorOf(from);
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
        SmsDecision decision = desk.decide(from, form.getFirst("Body"), "webhook");
        return twiml(decision.answers() ? TwiML.message(decision.reply()) : TwiML.empty());
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

    /** Before the signature is checked anyone may be calling: counted and sampled like any unauthenticated refusal. */
    private void record(String event, String outcome, String actor, String detail) {
        refusals.record(new AuditEvent(event, outcome, actor, null, "sms", detail));
    }
}
