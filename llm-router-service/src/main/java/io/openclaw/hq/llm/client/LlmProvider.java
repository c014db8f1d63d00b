package io.openclaw.hq.llm.client;

import io.openclaw.hq.llm.model.ProviderCall;
import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.llm.model.ProviderReply;
import java.util.concurrent.CompletionStage;

/** One LLM vendor behind the router. Every failure is a classified {@code ProviderException}. */
public interface LlmProvider {

    ProviderName name();

    /**
     * A whole completion, without blocking the calling thread: the stage completes on an event
     * loop, with the reply or a {@code ProviderException}.
     */
    CompletionStage<ProviderReply> complete(ProviderCall call);

    /** Opens a streamed completion (blocking); a refusal before the first byte is thrown, not streamed. */
    UpstreamStream openStream(ProviderCall call);

    /** A cheap authenticated request for the provider doctor, without blocking the calling thread. */
    CompletionStage<ProbeResult> probe();
}
