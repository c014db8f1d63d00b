-- Shipped by services/platform; every service lists db/platform before its own db/migration,
-- whose versions therefore start at 2.
CREATE TABLE runs (
    id             text PRIMARY KEY,
    project        text,
    service        text        NOT NULL,
    action         text        NOT NULL,
    trigger        text        NOT NULL,
    actor          text        NOT NULL,
    status         text        NOT NULL,
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz,
    duration_ms    bigint,
    summary        text,
    error          text,
    artifacts      jsonb       NOT NULL DEFAULT '[]'::jsonb,
    warnings       jsonb       NOT NULL DEFAULT '[]'::jsonb,
    parent_run_id  text,
    -- artifacts/<area>/<id>/ holds run.json and output.log
    area           text        NOT NULL,
    CONSTRAINT runs_status_known CHECK (status IN ('queued', 'running', 'success', 'failure', 'refused', 'interrupted')),
    CONSTRAINT runs_trigger_known CHECK (trigger IN ('web', 'timer', 'sms', 'api'))
);
CREATE INDEX runs_started_at ON runs (started_at DESC);
CREATE INDEX runs_unfinished ON runs (status) WHERE status IN ('queued', 'running');

CREATE TABLE resource_locks (
    resource     text PRIMARY KEY,
    run_id       text        NOT NULL,
    acquired_at  timestamptz NOT NULL
);
