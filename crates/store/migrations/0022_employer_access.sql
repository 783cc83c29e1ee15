-- Issue 13, points 2 and 5: employer contacts sign in by invitation as participants do, and
-- each employer has a calendar feed of the sessions of its linked employees.

-- An employer account (role `employer`) belongs to exactly one contact person; removing the
-- contact from the employer removes the account.
ALTER TABLE users ADD COLUMN employer_contact_id TEXT REFERENCES employer_contacts(id) ON DELETE CASCADE;
CREATE UNIQUE INDEX users_employer_contact_idx ON users (employer_contact_id);

-- An invitation is for a participant or for an employer contact, never both. (SQLite cannot
-- drop a NOT NULL constraint: the table is rebuilt, with the same rows and index names.)
CREATE TABLE invitations_new (
    id                   TEXT PRIMARY KEY,
    participant_id       TEXT REFERENCES participants(id) ON DELETE CASCADE,
    employer_contact_id  TEXT REFERENCES employer_contacts(id) ON DELETE CASCADE,
    provider_id          TEXT NOT NULL REFERENCES providers(id),
    -- email | code
    kind                 TEXT NOT NULL,
    secret_hash          TEXT NOT NULL UNIQUE,
    -- The login name the account will get when there is no usable e-mail address.
    login_name           TEXT,
    created_by           TEXT,
    created_at           TEXT NOT NULL,
    expires_at           TEXT NOT NULL,
    used_at              TEXT,
    revoked_at           TEXT,
    CHECK ((participant_id IS NULL) <> (employer_contact_id IS NULL))
);
INSERT INTO invitations_new (id, participant_id, provider_id, kind, secret_hash, login_name, created_by, created_at, expires_at, used_at, revoked_at)
    SELECT id, participant_id, provider_id, kind, secret_hash, login_name, created_by, created_at, expires_at, used_at, revoked_at
    FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_new RENAME TO invitations;
CREATE INDEX invitations_participant_idx ON invitations (participant_id, created_at);
CREATE INDEX invitations_employer_contact_idx ON invitations (employer_contact_id, created_at);

-- Feeds of kind `employer` (target: the employer id) keep their secret: the employer object
-- of the API names its feed URL at any time. (It shows what the feed shows; revoking the
-- feed and making a new one changes it.) Other feeds keep only the hash.
ALTER TABLE feed_tokens ADD COLUMN secret TEXT;
