package io.openclaw.hq.gateway.auth;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Same-origin test for state-changing requests: the {@code Origin} header, or failing that the
 * origin of {@code Referer}, must be the request's own origin, scheme included (the scheme and
 * authority it was sent to, as {@link RequestOrigin} reads them), or one of the configured
 * origins. Neither header → refused: a browser always sends one of them on a POST.
 */
public final class OriginCheck {

    private OriginCheck() {
    }

    /**
     * @param self the request's own origin, {@code scheme://authority}; null when it has none
     *             (then only a configured origin can match)
     */
    public static boolean isSameOrigin(String origin, String referer, String self, List<String> allowedOrigins) {
        String claimed = origin != null && !origin.isBlank() && !"null".equals(origin) ? normalize(origin)
                : originOf(referer);
        if (claimed == null) {
            return false;
        }
        for (String allowed : allowedOrigins) {
            if (claimed.equals(normalize(allowed.strip().replaceAll("/+$", "")))) {
                return true;
            }
        }
        return claimed.equals(normalize(self));
    }

    /**
     * {@code scheme://host[:port]} in lower case without a default port, or null when the text is
     * not an http(s) origin (a path, user info, or another scheme are not origins).
     */
    static String normalize(String origin) {
        if (origin == null || origin.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null
                    || uri.getRawUserInfo() != null || uri.getHost() == null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String originOf(String referer) {
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(referer.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return null;
            }
            return normalize(uri.getScheme() + "://" + uri.getRawAuthority());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
