-- Issue 13: employers (Betriebe) with their contact people, and the link of a participant to
-- an employer. A link rests on the participant's consent `employer_contact` (stored as
-- `contact_employer` before) and ends when that consent is withdrawn.
UPDATE consents SET scope = 'employer_contact' WHERE scope = 'contact_employer';

CREATE TABLE employers (
    id           TEXT PRIMARY KEY,
    provider_id  TEXT NOT NULL REFERENCES providers(id),
    name         TEXT NOT NULL,
    street       TEXT NOT NULL DEFAULT '',
    postcode     TEXT NOT NULL DEFAULT '',
    city         TEXT NOT NULL DEFAULT '',
    -- care | health | construction | … (lernweg_domain::Sector)
    sector       TEXT NOT NULL,
    -- KldB 2010, 1 to 5 digits
    kldb         TEXT,
    note         TEXT NOT NULL DEFAULT '',
    -- lower-cased name, city and contact names, for the search
    search_text  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX employers_name_idx ON employers (name, id);
CREATE INDEX employers_provider_name_idx ON employers (provider_id, name, id);

CREATE TABLE employer_contacts (
    id                 TEXT PRIMARY KEY,
    employer_id        TEXT NOT NULL REFERENCES employers(id) ON DELETE CASCADE,
    position           BIGINT NOT NULL,
    name               TEXT NOT NULL,
    email              TEXT,
    phone              TEXT NOT NULL DEFAULT '',
    -- email | phone | post
    preferred_channel  TEXT NOT NULL,
    created_at         TEXT NOT NULL
);
CREATE INDEX employer_contacts_employer_idx ON employer_contacts (employer_id, position);

CREATE TABLE employments (
    id              TEXT PRIMARY KEY,
    participant_id  TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    employer_id     TEXT NOT NULL REFERENCES employers(id) ON DELETE CASCADE,
    -- the consent `employer_contact` the link rests on
    consent_id      TEXT NOT NULL REFERENCES consents(id) ON DELETE CASCADE,
    since           TEXT NOT NULL,
    ended_on        TEXT,
    -- consent_withdrawn | ended_by_staff
    end_reason      TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX employments_employer_idx ON employments (employer_id, ended_on);
-- One active link per participant and employer (an ended one may be followed by a new one).
CREATE UNIQUE INDEX employments_active_idx ON employments (participant_id, employer_id) WHERE ended_on IS NULL;
CREATE INDEX employments_participant_idx ON employments (participant_id);
CREATE INDEX employments_consent_idx ON employments (consent_id);
