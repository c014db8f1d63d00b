package io.openclaw.hq.notify.service;

import java.util.regex.Pattern;

/** A maintenance window's checkId pattern: {@code *} any run of characters, {@code ?} one, the rest literal. */
public final class CheckIdGlob {

    public static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:/*?-]{1,128}");

    private final Pattern regex;

    private CheckIdGlob(Pattern regex) {
        this.regex = regex;
    }

    public static CheckIdGlob compile(String glob) {
        if (glob == null || !ALLOWED.matcher(glob).matches()) {
            throw new IllegalArgumentException("checkIdPattern must be 1-128 of A-Z a-z 0-9 . _ : / - and the wildcards * ?");
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            if (ch == '*' || ch == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(ch == '*' ? ".*" : ".");
            } else {
                literal.append(ch);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return new CheckIdGlob(Pattern.compile(regex.toString()));
    }

    public boolean matches(String checkId) {
        return regex.matcher(checkId).matches();
    }
}
