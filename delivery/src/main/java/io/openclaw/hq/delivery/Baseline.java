package io.openclaw.hq.delivery;

import java.util.regex.Pattern;

/**
 * docs/LAST_REVIEWED_SHA.txt: the last commit a non-simulated APPROVED review covered. One line, a
 * full 40-character SHA. Everything after it up to HEAD is what the next review must cover.
 */
public final class Baseline {

    public static final String PATH = "docs/LAST_REVIEWED_SHA.txt";
    static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");

    private Baseline() {
    }

    /** The baseline recorded at a commit; a refusal saying what is wrong when it is missing or malformed. */
    public static String at(Git git, String commit) {
        String text = git.show(commit, PATH);
        if (text == null) {
            throw new Refusal(PATH + " does not exist at " + abbrev(commit)
                    + "; a reviewed repository starts from a baseline: commit that file with the SHA of the last"
                    + " commit you accept as reviewed");
        }
        return parse(text, "at " + abbrev(commit));
    }

    static String parse(String text, String where) {
        String sha = text.strip();
        if (!FULL_SHA.matcher(sha).matches()) {
            throw new Refusal(PATH + " " + where + " must hold exactly one full 40-character commit SHA, found '"
                    + (sha.length() > 60 ? sha.substring(0, 60) + "…" : sha) + "'");
        }
        return sha;
    }

    static String abbrev(String sha) {
        return sha == null ? "(none)" : sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
