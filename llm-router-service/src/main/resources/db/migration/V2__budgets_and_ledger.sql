-- Per-run budgets: a reservation is one conditional UPDATE of the run's row, so concurrent
-- callers serialise on that row and reserved + spent can never pass the cap at reservation time.
CREATE TABLE run_budgets (
    run_id       TEXT PRIMARY KEY,
    cap_usd      NUMERIC(16, 8) NOT NULL,
    reserved_usd NUMERIC(16, 8) NOT NULL DEFAULT 0 CHECK (reserved_usd >= 0),
    spent_usd    NUMERIC(16, 8) NOT NULL DEFAULT 0 CHECK (spent_usd >= 0),
    updated_at   TIMESTAMPTZ    NOT NULL DEFAULT now()
);

CREATE TABLE budget_reservations (
    id            BIGSERIAL PRIMARY KEY,
    run_id        TEXT           NOT NULL REFERENCES run_budgets (run_id),
    estimated_usd NUMERIC(16, 8) NOT NULL CHECK (estimated_usd >= 0),
    actual_usd    NUMERIC(16, 8),
    state         TEXT           NOT NULL CHECK (state IN ('reserved', 'settled', 'abandoned')),
    created_at    TIMESTAMPTZ    NOT NULL DEFAULT now(),
    settled_at    TIMESTAMPTZ
);
CREATE INDEX budget_reservations_open ON budget_reservations (state) WHERE state = 'reserved';

-- One row per provider call, success or failure: the source of GET /v1/spend.
CREATE TABLE cost_ledger (
    id                BIGSERIAL PRIMARY KEY,
    at                TIMESTAMPTZ    NOT NULL,
    purpose           TEXT           NOT NULL,
    provider          TEXT           NOT NULL,
    model             TEXT           NOT NULL,
    caller_run_id     TEXT,
    router_run_id     TEXT,
    prompt_tokens     BIGINT,
    completion_tokens BIGINT,
    estimated_usd     NUMERIC(16, 8),
    actual_usd        NUMERIC(16, 8),
    fallback_used     BOOLEAN        NOT NULL,
    transient_class   TEXT,
    outcome           TEXT           NOT NULL,
    stream            BOOLEAN        NOT NULL DEFAULT FALSE
);
CREATE INDEX cost_ledger_at ON cost_ledger (at);
CREATE INDEX cost_ledger_caller_run ON cost_ledger (caller_run_id);
