-- notify-service: per-check alert state, the delivery log, maintenance windows.

-- One row per checkId. status is what the check last reported; notified what the operator last heard.
CREATE TABLE alert_state (
    check_id             text PRIMARY KEY,
    status               text        NOT NULL,
    status_since         timestamptz NOT NULL,
    last_report_at       timestamptz NOT NULL,
    notified             text,
    last_notified_at     timestamptz,
    last_alert_at        timestamptz,
    last_alert_severity  text,
    flapping             boolean     NOT NULL DEFAULT false,
    recent_changes       timestamptz[] NOT NULL DEFAULT '{}',
    CONSTRAINT alert_state_status_known CHECK (status IN ('OK', 'WARN', 'FAIL')),
    CONSTRAINT alert_state_notified_known CHECK (notified IS NULL OR notified IN ('OK', 'WARN', 'FAIL', 'FLAPPING'))
);

-- Written 'sending' before the provider is called, updated after: a crash mid-send stays visible.
CREATE TABLE deliveries (
    id                  bigserial PRIMARY KEY,
    created_at          timestamptz NOT NULL,
    finished_at         timestamptz,
    run_id              text,
    check_id            text,
    kind                text        NOT NULL,
    channel             text        NOT NULL,
    recipient           text,
    severity            text,
    title               text,
    status              text        NOT NULL,
    provider_status     integer,
    provider_reference  text,
    error               text,
    CONSTRAINT deliveries_status_known CHECK (status IN ('sending', 'sent', 'failed', 'dry_run', 'not_configured', 'interrupted')),
    CONSTRAINT deliveries_channel_known CHECK (channel IN ('pushover', 'sms'))
);
CREATE INDEX deliveries_newest ON deliveries (id DESC);
CREATE INDEX deliveries_in_flight ON deliveries (status) WHERE status = 'sending';

CREATE TABLE maintenance_windows (
    id                bigserial PRIMARY KEY,
    check_id_pattern  text        NOT NULL,
    reason            text,
    created_at        timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL,
    created_by        text        NOT NULL
);
CREATE INDEX maintenance_windows_ends_at ON maintenance_windows (ends_at);
