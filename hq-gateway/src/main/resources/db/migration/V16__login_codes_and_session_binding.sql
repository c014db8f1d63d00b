-- Each session is bound to the fingerprint of the console token it was opened under: when the token
-- is rotated, every session opened with the old one is refused on its next request and ended.
-- Sessions opened before this migration were opened with the token whose fingerprint is their actor.
ALTER TABLE sessions ADD COLUMN token_fingerprint text;
UPDATE sessions SET token_fingerprint = actor;
ALTER TABLE sessions ALTER COLUMN token_fingerprint SET NOT NULL;
CREATE INDEX sessions_token_fingerprint ON sessions (token_fingerprint);

-- One-time login codes (./hq login-link): only the SHA-256 of each code is kept, each is good for
-- one exchange within a minute of being minted.
CREATE TABLE login_codes (
    code_hash   text PRIMARY KEY,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    used_by     text
);
CREATE INDEX login_codes_expires_at ON login_codes (expires_at);
