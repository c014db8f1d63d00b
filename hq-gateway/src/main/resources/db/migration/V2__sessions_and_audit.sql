-- Sessions of people who logged in with the console token. Only the SHA-256 of the cookie value
-- is kept, so a copy of this table opens no session.
CREATE TABLE sessions (
    id_hash     text PRIMARY KEY,
    csrf_token  text        NOT NULL,
    actor       text        NOT NULL,
    person      text,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- Append-only, hash-chained audit log: each entry carries the SHA-256 of the previous one, and
-- its own hash covers every column, so changing any stored entry breaks the chain from there on.
CREATE TABLE audit_log (
    seq        bigint      PRIMARY KEY,
    at         timestamptz NOT NULL,
    event      text        NOT NULL,
    outcome    text        NOT NULL,
    actor      text        NOT NULL,
    person     text,
    client     text,
    detail     text,
    prev_hash  text        NOT NULL,
    hash       text        NOT NULL
);
