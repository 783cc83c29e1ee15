-- Device loans (MISSION §2.1): an inventory of devices a provider lends to participants who
-- lack them, and the loans with lend, due and return dates. A device is on at most one open
-- loan at a time (partial unique index; both SQLite and PostgreSQL support it).

CREATE TABLE devices (
    id           TEXT PRIMARY KEY,
    provider_id  TEXT NOT NULL REFERENCES providers(id),
    kind         TEXT NOT NULL,
    label        TEXT NOT NULL,
    serial       TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    active       BIGINT NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL
);
CREATE INDEX devices_provider_idx ON devices (provider_id, label);

CREATE TABLE device_loans (
    id              TEXT PRIMARY KEY,
    provider_id     TEXT NOT NULL REFERENCES providers(id),
    device_id       TEXT NOT NULL REFERENCES devices(id),
    participant_id  TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    lent_on         TEXT NOT NULL,
    due_on          TEXT NOT NULL,
    returned_on     TEXT,
    note            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL
);
CREATE INDEX device_loans_provider_idx ON device_loans (provider_id, due_on);
CREATE UNIQUE INDEX device_loans_open_idx ON device_loans (device_id) WHERE returned_on IS NULL;
