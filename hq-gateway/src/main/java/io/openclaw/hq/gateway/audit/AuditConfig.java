package io.openclaw.hq.gateway.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How refusals of unauthenticated requests are audited: sampled and counted, not one row each. */
@ConfigMapping(prefix = "gateway.audit")
public interface AuditConfig {

    /** Per minute, kind and client, this many refusals are audited in full; the rest only counted. */
    @WithDefault("5")
    int refusalsInFullPerMinute();

    /**
     * Distinct clients counted apart in one minute; refusals from any further client that minute
     * are counted together under {@code (other clients)}, so rotating addresses grows nothing.
     */
    @WithDefault("100")
    int refusalClientsPerMinute();

    /** How often finished minutes are sealed into the chain. */
    @WithDefault("PT30S")
    Duration sealEvery();
}
