package io.openclaw.hq.gateway.auth;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Same-origin test for state-changing requests: the {@code Origin} header, or failing that the
 * origin of {@code Referer}, must name the host the request was sent to (Host, or
 * X-Forwarded-Host behind Tailscale Serve) or one of the configured origins. Neither header →
 * refused: a browser always sends one of them on a POST.
 */
public final class OriginCheck {

    private OriginCheck() {
    }

    public static boolean isSameOrigin(String origin, String referer, String host, String forwardedHost,
            List<String> allowedOrigins) {
        String claimed = origin != null && !origin.isBlank() && !"null".equals(origin) ? origin : originOf(referer);
        if (claimed == null) {
            return false;
        }
        String claimedLower = claimed.toLowerCase(Locale.ROOT);
        for (String allowed : allowedOrigins) {
            if (claimedLower.equals(allowed.toLowerCase(Locale.ROOT).replaceAll("/+$", ""))) {
                return true;
            }
        }
        String authority = authorityOf(claimedLower);
        if (authority == null) {
            return false;
        }
        return authority.equals(lower(forwardedHost)) || authority.equals(lower(host));
    }

    private static String originOf(String referer) {
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(referer.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String authorityOf(String origin) {
        try {
            URI uri = URI.create(origin);
            String scheme = uri.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                return null;
            }
            return uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
