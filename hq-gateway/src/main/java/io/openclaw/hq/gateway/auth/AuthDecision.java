package io.openclaw.hq.gateway.auth;

/**
 * Let through with a principal, or refused: {@code status} and what to say, and whether a browser
 * should rather be sent to the login page.
 */
public record AuthDecision(Principal principal, int status, String title, String detail, boolean toLogin,
        boolean clearCookie) {

    public static AuthDecision allow(Principal principal) {
        return new AuthDecision(principal, 0, null, null, false, false);
    }

    public static AuthDecision refuse(int status, String title, String detail) {
        return new AuthDecision(null, status, title, detail, false, false);
    }

    public AuthDecision sendingBrowsersToLogin(boolean clear) {
        return new AuthDecision(principal, status, title, detail, true, clear);
    }

    public boolean allowed() {
        return principal != null;
    }
}
