package io.openclaw.hq.gateway.auth;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The only paths reachable without credentials, matched exactly on the raw path: any variant in
 * letter case, trailing slash or encoding is not on this list and so needs credentials.
 */
final class OpenPaths {

    private static final Set<String> HEALTH = Set.of("/q/health", "/q/health/live", "/q/health/ready");
    private static final Pattern STATIC = Pattern.compile("/static/[a-z0-9][a-z0-9._-]{0,63}");

    private OpenPaths() {
    }

    /** @param smsWebhook whether {@code POST /api/sms} (Twilio calling in) is switched on */
    static boolean isOpen(String method, String rawPath, boolean smsWebhook) {
        if (rawPath == null) {
            return false;
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if ("/login".equals(rawPath) || "/login/link".equals(rawPath)) {
            return read || "POST".equals(method);
        }
        if ("/internal/login-codes".equals(rawPath)) {
            // authenticated by the internal token in LoginCodeMintResource
            return "POST".equals(method);
        }
        if ("/api/sms".equals(rawPath) && smsWebhook) {
            // authenticated by the Twilio signature instead
            return "POST".equals(method);
        }
        return read && (HEALTH.contains(rawPath) || (STATIC.matcher(rawPath).matches() && !rawPath.contains("..")));
    }
}
