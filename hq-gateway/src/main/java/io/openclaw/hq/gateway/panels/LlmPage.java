package io.openclaw.hq.gateway.panels;

import io.openclaw.hq.gateway.pages.PageContext;
import io.openclaw.hq.gateway.pages.PageContexts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** LLM: providers, review gate, config health, provider doctor, keys (masked), spend. */
@Path("/llm")
public class LlmPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance llm(PageContext ctx, List<Panel> panels);
    }

    private final Panels panels;
    private final PageContexts contexts;

    public LlmPage(Panels panels, PageContexts contexts) {
        this.panels = panels;
        this.contexts = contexts;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance llm() {
        return Templates.llm(contexts.of("llm"), panels.llmPage());
    }
}
