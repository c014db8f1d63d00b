-- doctor-service's own tables; V1 (runs, resource_locks) comes from the platform.
CREATE TABLE doctor_reports (
    run_id       text PRIMARY KEY,
    target       text        NOT NULL,
    mode         text        NOT NULL,
    trigger      text        NOT NULL,
    started_at   timestamptz NOT NULL,
    duration_ms  bigint      NOT NULL,
    status       text        NOT NULL,
    report       jsonb       NOT NULL,
    CONSTRAINT doctor_reports_status_known CHECK (status IN ('PASS', 'WARN', 'FAIL'))
);
CREATE INDEX doctor_reports_started_at ON doctor_reports (started_at DESC);

-- one row per check per report: what GET /doctor/history counts
CREATE TABLE doctor_check_results (
    run_id      text        NOT NULL REFERENCES doctor_reports (run_id) ON DELETE CASCADE,
    check_id    text        NOT NULL,
    status      text        NOT NULL,
    started_at  timestamptz NOT NULL,
    PRIMARY KEY (run_id, check_id),
    CONSTRAINT doctor_check_results_status_known CHECK (status IN ('PASS', 'WARN', 'FAIL'))
);
CREATE INDEX doctor_check_results_started_at ON doctor_check_results (started_at);

-- the guard log: one row per guard run, appended, never updated
CREATE TABLE guard_log (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL,
    run_id         text        NOT NULL,
    target         text        NOT NULL,
    outcome        text        NOT NULL,
    doctor_status  text,
    failing        jsonb       NOT NULL DEFAULT '[]'::jsonb,
    actions        jsonb       NOT NULL DEFAULT '[]'::jsonb,
    alerts         jsonb       NOT NULL DEFAULT '[]'::jsonb,
    message        text        NOT NULL
);
CREATE INDEX guard_log_at ON guard_log (at DESC);
