package io.openclaw.hq.gateway.projects;

import io.openclaw.hq.gateway.actions.ActionCatalog;
import io.openclaw.hq.gateway.actions.ActionSpec;
import io.openclaw.hq.gateway.backends.Backends;
import io.openclaw.hq.gateway.backends.DisplayCache;
import io.openclaw.hq.gateway.runs.RunFeed;
import io.openclaw.hq.gateway.runs.RunFeedPage;
import io.openclaw.hq.gateway.runs.RunView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Builds the project cards from the registry and the merged run feed. */
@ApplicationScoped
public class ProjectCards {

    static final int RUNS_CONSIDERED = 200;

    private final ProjectRegistry registry;
    private final RunFeed feed;
    private final Backends backends;
    private final DisplayCache cache;

    public ProjectCards(ProjectRegistry registry, RunFeed feed, Backends backends, DisplayCache cache) {
        this.registry = registry;
        this.feed = feed;
        this.backends = backends;
        this.cache = cache;
    }

    /** Throws ConfigInvalidException (503, violations listed) when projects.json is invalid. */
    public List<ProjectCard> cards() {
        List<Project> projects = registry.current().require().projects();
        RunFeedPage recent = feed.recent(RUNS_CONSIDERED);
        boolean allRead = recent.unavailable().isEmpty();
        Instant now = Instant.now();
        return projects.stream().map(project -> {
            List<RunView> runs = recent.runs().stream().filter(r -> ProjectStatus.belongs(r, project)).toList();
            ProjectStatus.Verdict verdict = SomaProjectStatus.PROJECT_ID.equals(project.id())
                    ? SomaProjectStatus.verdict(cache.getNow("soma-sync-service:status", backends::somaStatus))
                    : ProjectStatus.verdict(runs, allRead);
            List<ActionSpec> actions = project.actions().stream()
                    .map(name -> ActionCatalog.find(name).orElse(null)).filter(java.util.Objects::nonNull).toList();
            return new ProjectCard(project, verdict.status(), verdict.reason(), runs.isEmpty() ? null : runs.get(0),
                    ProjectStatus.lastError(runs), ProjectStatus.nextSchedule(project, runs, now), actions);
        }).toList();
    }
}
