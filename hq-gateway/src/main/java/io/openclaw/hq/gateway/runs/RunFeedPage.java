package io.openclaw.hq.gateway.runs;

import java.util.List;

/** One page of the merged run feed, with the services that could not be read named. */
@io.quarkus.qute.TemplateData
public record RunFeedPage(List<RunView> runs, int page, int size, boolean hasMore, List<SourceState> sources) {

    @com.fasterxml.jackson.annotation.JsonIgnore
    public List<SourceState> unavailable() {
        return sources.stream().filter(s -> !s.available()).toList();
    }
}
