package io.openclaw.hq.runner.git;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code git status --porcelain=v1}: each line is two status letters, a space and a path. */
public final class PorcelainStatus {

    private PorcelainStatus() {
    }

    /** Each changed path with its status letters, e.g. {@code " M README.md"}, {@code "?? new.txt"}. */
    public static List<String> paths(String porcelain) {
        List<String> changed = new ArrayList<>();
        for (String line : porcelain.split("\n")) {
            if (line.length() > 3) {
                changed.add(line.substring(0, 2).strip() + " " + line.substring(3));
            }
        }
        return changed;
    }
}
