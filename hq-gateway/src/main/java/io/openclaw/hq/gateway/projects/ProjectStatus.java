package io.openclaw.hq.gateway.projects;

import io.openclaw.hq.gateway.runs.RunView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The pure rules of a project card, kept apart so they can be tested case by case. */
public final class ProjectStatus {

    public static final String GREEN = "green";
    public static final String YELLOW = "yellow";
    public static final String RED = "red";
    static final int RECENT = 5;

    private ProjectStatus() {
    }

    public record Verdict(String status, String reason) {
    }

    /** A run belongs to a project when it names it, or names none and comes from one of its services. */
    public static boolean belongs(RunView run, Project project) {
        return run.belongsTo(project.id(), project.services());
    }

    /**
     * Red when the latest finished run failed or was interrupted; yellow when there is no finished
     * run, the latest was refused, one of the last five failed, or a service could not be read;
     * green otherwise. {@code runs} newest first.
     */
    public static Verdict verdict(List<RunView> runs, boolean allSourcesRead) {
        List<RunView> finished = runs.stream().filter(RunView::isFinished).toList();
        if (finished.isEmpty()) {
            return new Verdict(YELLOW, allSourcesRead ? "no finished run yet" : "no finished run seen; a service is unavailable");
        }
        RunView latest = finished.get(0);
        if (latest.isFailure()) {
            return new Verdict(RED, "latest run " + latest.action() + " ended " + latest.status());
        }
        if ("refused".equals(latest.status())) {
            return new Verdict(YELLOW, "latest run " + latest.action() + " was refused");
        }
        long recentFailures = finished.stream().limit(RECENT).filter(RunView::isFailure).count();
        if (recentFailures > 0) {
            return new Verdict(YELLOW, recentFailures + " of the last " + Math.min(RECENT, finished.size()) + " runs failed");
        }
        if (!allSourcesRead) {
            return new Verdict(YELLOW, "latest run succeeded; a service is unavailable");
        }
        return new Verdict(GREEN, "latest run " + latest.action() + " succeeded");
    }

    /** The soonest next run among the schedules: last run of that action plus its interval. */
    public static String nextSchedule(Project project, List<RunView> runs, Instant now) {
        Instant soonest = null;
        String soonestName = null;
        for (ProjectSchedule schedule : project.schedules()) {
            Duration every = Duration.parse(schedule.every());
            Instant last = runs.stream()
                    .filter(r -> schedule.service().equals(r.service()) && schedule.action().equals(r.action()))
                    .map(RunView::startedAt).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (last == null) {
                return schedule.name() + ": due (no run seen), every " + human(every);
            }
            Instant next = last.plus(every);
            if (soonest == null || next.isBefore(soonest)) {
                soonest = next;
                soonestName = schedule.name();
            }
        }
        if (soonest == null) {
            return null;
        }
        return soonest.isBefore(now) ? soonestName + ": overdue since " + soonest : soonestName + ": " + soonest;
    }

    public static String lastError(List<RunView> runs) {
        return runs.stream().filter(RunView::isFailure).findFirst()
                .map(r -> r.action() + ": " + (r.error() != null ? r.error() : r.summary() != null ? r.summary() : r.status()))
                .orElse(null);
    }

    static String human(Duration d) {
        if (d.toHours() > 0 && d.toMinutesPart() == 0) {
            return d.toHours() + " h";
        }
        if (d.toMinutes() > 0 && d.toSecondsPart() == 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}
