-- The last good snapshot of a product is the newest row here: a row is written only after every
-- artifact of the run is in place, so a failed or interrupted snapshot never becomes "the last good".
CREATE TABLE soma_snapshots (
    run_id           text PRIMARY KEY,
    product_slug     text        NOT NULL,
    taken_at         timestamptz NOT NULL,
    snapshot_sha256  text        NOT NULL,
    snapshot_path    text        NOT NULL,
    courses          integer     NOT NULL,
    modules          integer     NOT NULL,
    lessons          integer     NOT NULL,
    media            integer     NOT NULL,
    requests         integer     NOT NULL
);
CREATE INDEX soma_snapshots_latest ON soma_snapshots (product_slug, taken_at DESC);

-- Mirror pairs kept between runs, so a lesson renamed on one side stays paired with its twin.
CREATE TABLE soma_mirror_identity (
    level       text        NOT NULL,
    source_id   text        NOT NULL,
    target_id   text        NOT NULL,
    paired_by   text        NOT NULL,
    run_id      text        NOT NULL,
    paired_at   timestamptz NOT NULL,
    PRIMARY KEY (level, source_id),
    UNIQUE (level, target_id),
    CONSTRAINT soma_mirror_identity_level CHECK (level IN ('module', 'lesson'))
);

-- Where the harvest stopped, per account (a fingerprint, never the address) and folder.
CREATE TABLE soma_harvest_state (
    account       text        NOT NULL,
    folder        text        NOT NULL,
    uid_validity  bigint      NOT NULL,
    last_uid      bigint      NOT NULL,
    run_id        text        NOT NULL,
    index_path    text        NOT NULL,
    messages      integer     NOT NULL,
    videos        integer     NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (account, folder)
);
