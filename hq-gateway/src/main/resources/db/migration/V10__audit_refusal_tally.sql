-- Refusals of unauthenticated requests are counted here per minute, kind and client instead of
-- each getting a permanent audit row: the first few of each minute are audited in full, and when
-- the minute is over one chained audit entry states the exact count and the row is deleted. So an
-- unauthenticated client cannot grow the database faster than a few rows a minute.
CREATE TABLE audit_refusal_tally (
    minute   timestamptz NOT NULL,
    event    text        NOT NULL,
    outcome  text        NOT NULL,
    client   text        NOT NULL,
    refused  bigint      NOT NULL,
    PRIMARY KEY (minute, event, outcome, client)
);
