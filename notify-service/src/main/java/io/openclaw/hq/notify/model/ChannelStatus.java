package io.openclaw.hq.notify.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.openclaw.hq.platform.secrets.SecretStatus;
import java.util.List;

/**
 * One channel on {@code GET /status}: configured or not, what is missing, each credential's masked
 * form and fingerprint, the severities it receives, and (Pushover) the quota last reported.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelStatus(boolean configured, List<String> missing, List<SecretStatus> credentials,
        Severity minSeverity, Integer allowlistedNumbers, Object quota) {
}
