-- The outbox (issue 13 point 8): every notice is stored first and sent by a background
-- sender; a relay that is down loses nothing. `kind`, `lang` and `args` say what to write
-- (the text is rendered when sent, in the recipient's language).
CREATE TABLE outbox (
    id              TEXT PRIMARY KEY,
    provider_id     TEXT REFERENCES providers(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    lang            TEXT NOT NULL,
    args            TEXT NOT NULL,
    to_address      TEXT NOT NULL,
    to_name         TEXT NOT NULL,
    -- pending | sent | failed
    status          TEXT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    -- A sender holds a message until then (several instances share one database).
    claimed_until   TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT
);
CREATE INDEX outbox_due_idx ON outbox (status, next_attempt_at);
CREATE INDEX outbox_provider_idx ON outbox (provider_id, id);
CREATE INDEX outbox_status_idx ON outbox (status, id);
