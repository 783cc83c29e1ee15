-- Participant access (the portal): a participant account is linked to exactly one participant
-- record, logs in with the participant's e-mail address or a generated login name, and gets
-- its first access through an invitation (an e-mail link or a printed one-time code). Only
-- hashes of the secrets are stored. Erasing the participant removes the account too.

ALTER TABLE users ADD COLUMN participant_id TEXT REFERENCES participants(id) ON DELETE CASCADE;
CREATE UNIQUE INDEX users_participant_idx ON users (participant_id);

-- For accounts without an e-mail address (their `email` is `<login_name>@login.invalid`).
ALTER TABLE users ADD COLUMN login_name TEXT;
CREATE UNIQUE INDEX users_login_name_idx ON users (login_name);

CREATE TABLE invitations (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    provider_id     TEXT NOT NULL REFERENCES providers(id),
    -- email | code
    kind            TEXT NOT NULL,
    secret_hash     TEXT NOT NULL UNIQUE,
    -- The login name the account will get when the participant has no usable e-mail address.
    login_name      TEXT,
    created_by      TEXT,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    used_at         TEXT,
    revoked_at      TEXT
);
CREATE INDEX invitations_participant_idx ON invitations (participant_id, created_at);
