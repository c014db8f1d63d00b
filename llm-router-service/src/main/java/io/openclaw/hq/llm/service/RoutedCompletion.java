package io.openclaw.hq.llm.service;

import io.openclaw.hq.llm.model.ErrorClass;
import io.openclaw.hq.llm.model.ProviderReply;
import io.openclaw.hq.llm.model.ResolvedRoute;
import java.math.BigDecimal;

/** A completed call and its provenance: who answered, whether it was the fallback, what it cost. */
public record RoutedCompletion(ProviderReply reply, ResolvedRoute route, boolean fallbackUsed,
        ErrorClass transientClass, BigDecimal costUsd, BigDecimal estimatedUsd) {
}
