-- Counselling services of a provider (childcare, social, debt, health, migration, recognition
-- counselling) and referrals of participants to them with their status history.

CREATE TABLE counselling_services (
    id              TEXT PRIMARY KEY,
    provider_id     TEXT NOT NULL REFERENCES providers(id),
    kind            TEXT NOT NULL,
    name            TEXT NOT NULL,
    contact_person  TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    languages       TEXT NOT NULL DEFAULT '',
    opening_hours   TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    active          BIGINT NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX counselling_services_provider_idx ON counselling_services (provider_id, kind, name);

CREATE TABLE referrals (
    id                 TEXT PRIMARY KEY,
    provider_id        TEXT NOT NULL REFERENCES providers(id),
    participant_id     TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    service_id         TEXT NOT NULL REFERENCES counselling_services(id),
    referred_on        TEXT NOT NULL,
    reason             TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL,
    status_changed_on  TEXT NOT NULL,
    outcome_note       TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX referrals_provider_idx ON referrals (provider_id, referred_on);
CREATE INDEX referrals_participant_idx ON referrals (participant_id);

CREATE TABLE referral_events (
    id            TEXT PRIMARY KEY,
    referral_id   TEXT NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
    position      BIGINT NOT NULL,
    on_date       TEXT NOT NULL,
    from_status   TEXT NOT NULL,
    to_status     TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    recorded_by   TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, position);
