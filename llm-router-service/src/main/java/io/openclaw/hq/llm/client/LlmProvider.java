package io.openclaw.hq.llm.client;

import io.openclaw.hq.llm.model.ProviderCall;
import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.llm.model.ProviderReply;

/** One LLM vendor behind the router. Every failure is a classified {@code ProviderException}. */
public interface LlmProvider {

    ProviderName name();

    ProviderReply complete(ProviderCall call);

    /** Opens a streamed completion; a refusal before the first byte is thrown, not streamed. */
    UpstreamStream openStream(ProviderCall call);

    /** A cheap authenticated request for the provider doctor. */
    ProbeResult probe();
}
