package io.openclaw.hq.runner.model;

import java.util.List;

/** How a started job ended, as the executor found it. */
public record JobOutcome(JobStatus status, String errorClass, String error, List<String> changedFiles,
        Invariants invariants, List<String> warnings, String summary) {

    public JobOutcome {
        changedFiles = changedFiles == null ? List.of() : List.copyOf(changedFiles);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static JobOutcome failure(String errorClass, String error) {
        return new JobOutcome(JobStatus.FAILURE, errorClass, error, List.of(), null, List.of(), error);
    }
}
