package io.openclaw.hq.gateway.projects;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.gateway.runs.RunView;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectStatusTest {

    static RunView run(String status, String action, String startedAt) {
        return new RunView("r" + startedAt.hashCode(), null, "doctor-service", action, "timer", "timer", status,
                Instant.parse(startedAt), null, null, null, "failure".equals(status) ? "boom" : null, List.of(), List.of(), null);
    }

    /** Statuses newest first, separated by spaces. */
    @ParameterizedTest(name = "{0} (all read: {1}) → {2}")
    @CsvSource({
            "'', true, yellow",
            "running, true, yellow",
            "success, true, green",
            "success failure, true, yellow",
            "failure success, true, red",
            "interrupted, true, red",
            "running failure, true, red",
            "refused success, true, yellow",
            "success success success success success failure, true, green",
            "success, false, yellow"})
    void verdict(String statuses, boolean allRead, String expected) {
        List<RunView> runs = Arrays.stream(statuses.split(" ")).filter(s -> !s.isBlank())
                .map(s -> run(s, "doctor", "2026-02-16T10:00:00Z")).toList();
        assertThat(ProjectStatus.verdict(runs, allRead).status()).isEqualTo(expected);
    }

    @Test
    void runsBelongByProjectOrElseByService() {
        Project infra = new Project("infra_openclaw", "Infra", null, List.of("doctor-service"), List.of(), List.of(), List.of());
        RunView unnamed = run("success", "doctor", "2026-02-16T10:00:00Z");
        RunView named = new RunView("x", "music_pipeline", "doctor-service", "doctor", null, null, "success", null, null,
                null, null, null, List.of(), List.of(), null);
        assertThat(ProjectStatus.belongs(unnamed, infra)).isTrue();
        assertThat(ProjectStatus.belongs(named, infra)).isFalse();
    }

    @Test
    void nextScheduleIsLastRunPlusInterval() {
        Project p = new Project("infra_openclaw", "Infra", null, List.of("doctor-service"), List.of(),
                List.of(new ProjectSchedule("guard", "doctor-service", "guard", "PT10M")), List.of());
        List<RunView> runs = List.of(run("success", "guard", "2026-02-16T10:00:00Z"));
        assertThat(ProjectStatus.nextSchedule(p, runs, Instant.parse("2026-02-16T10:05:00Z")))
                .isEqualTo("guard: 2026-02-16T10:10:00Z");
        assertThat(ProjectStatus.nextSchedule(p, runs, Instant.parse("2026-02-16T11:00:00Z")))
                .isEqualTo("guard: overdue since 2026-02-16T10:10:00Z");
        assertThat(ProjectStatus.nextSchedule(p, List.of(), Instant.now())).startsWith("guard: due (no run seen)");
    }
}
