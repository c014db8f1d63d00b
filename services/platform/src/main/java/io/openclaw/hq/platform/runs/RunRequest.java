package io.openclaw.hq.platform.runs;

/**
 * What a service knows when it starts a run. {@code area} is the artifact folder
 * ({@code artifacts/<area>/<run_id>/}).
 */
public record RunRequest(String area, String action, RunTrigger trigger, String actor, String project,
        String parentRunId) {

    public RunRequest {
        if (area == null || !area.matches("[a-z0-9][a-z0-9_/-]{0,63}") || area.contains("..")) {
            throw new IllegalArgumentException("bad artifact area: " + area);
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("a run needs an action");
        }
        if (trigger == null) {
            throw new IllegalArgumentException("a run needs a trigger");
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a run needs an actor");
        }
    }

    public static RunRequest of(String area, String action, RunTrigger trigger, String actor) {
        return new RunRequest(area, action, trigger, actor, null, null);
    }

    public RunRequest withProject(String newProject) {
        return new RunRequest(area, action, trigger, actor, newProject, parentRunId);
    }

    public RunRequest withParent(String runId) {
        return new RunRequest(area, action, trigger, actor, project, runId);
    }
}
