package io.openclaw.hq.doctor.model;

import java.util.Collection;

/** A check's verdict; a report's verdict is the worst of its checks. */
public enum CheckStatus {
    PASS, WARN, FAIL;

    public static CheckStatus worst(Collection<CheckStatus> statuses) {
        CheckStatus worst = PASS;
        for (CheckStatus s : statuses) {
            if (s.ordinal() > worst.ordinal()) {
                worst = s;
            }
        }
        return worst;
    }
}
