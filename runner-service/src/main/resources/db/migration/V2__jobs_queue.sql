-- The job queue. A job is queued here first; its run (the platform's runs row and run.json) is
-- created when a worker starts it, and linked by run_id.
CREATE TABLE jobs (
    id             text PRIMARY KEY,
    -- FIFO order: workers take the lowest seq they may run
    seq            bigserial   NOT NULL UNIQUE,
    job_type       text        NOT NULL,
    repo           text        NOT NULL,
    requested_sha  text,
    sha            text,
    params         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status         text        NOT NULL,
    run_id         text,
    trigger        text        NOT NULL,
    actor          text        NOT NULL,
    queued_at      timestamptz NOT NULL,
    started_at     timestamptz,
    finished_at    timestamptz,
    error_class    text,
    error          text,
    changed_files  jsonb       NOT NULL DEFAULT '[]'::jsonb,
    read_only_ok   boolean,
    clean_tree_ok  boolean,
    warnings       jsonb       NOT NULL DEFAULT '[]'::jsonb,
    -- the ephemeral worktree while the job runs, so a restart can remove it
    worktree       text,
    CONSTRAINT jobs_status_known CHECK (status IN ('queued', 'running', 'success', 'failure', 'mutation_detected', 'interrupted')),
    CONSTRAINT jobs_trigger_known CHECK (trigger IN ('web', 'timer', 'sms', 'api'))
);
CREATE INDEX jobs_queued ON jobs (seq) WHERE status = 'queued';
CREATE INDEX jobs_newest ON jobs (queued_at DESC, seq DESC);
CREATE INDEX jobs_repo_newest ON jobs (repo, seq DESC);
-- one job per repository at a time, whatever two workers race for
CREATE UNIQUE INDEX jobs_one_running_per_repo ON jobs (repo) WHERE status = 'running';
