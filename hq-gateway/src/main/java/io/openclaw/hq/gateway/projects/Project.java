package io.openclaw.hq.gateway.projects;

import java.util.List;

/**
 * One project of the registry. Its runs are those that name it, or, when a run names no project,
 * those of the services it lists.
 */
@io.quarkus.qute.TemplateData
public record Project(String id, String name, String description, List<String> services, List<String> actions,
        List<ProjectSchedule> schedules, List<String> tags) {

    public Project {
        services = services == null ? List.of() : List.copyOf(services);
        actions = actions == null ? List.of() : List.copyOf(actions);
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
