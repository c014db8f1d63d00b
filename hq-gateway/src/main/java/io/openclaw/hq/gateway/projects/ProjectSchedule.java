package io.openclaw.hq.gateway.projects;

/**
 * A schedule a service runs for a project (the guard every 10 minutes), published for the project
 * card: the next run is the last run of {@code action} on {@code service} plus {@code every}.
 */
@io.quarkus.qute.TemplateData
public record ProjectSchedule(String name, String service, String action, String every) {
}
