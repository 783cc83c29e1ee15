-- Issue 16: documented language competence. Assessments over time per skill, the
-- participant's own answers to can-do statements, the providers' signing keys and the
-- language certificates issued with them (PDF and Open Badges VC-JWT).

CREATE TABLE language_assessments (
    id                 TEXT PRIMARY KEY,
    participant_id     TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    provider_id        TEXT NOT NULL REFERENCES providers(id),
    -- listening, reading, spoken_interaction, spoken_production, writing, occupational
    skill              TEXT NOT NULL,
    -- A1 … C2, with an optional sub-level: B1.2
    level              TEXT NOT NULL,
    -- placement_test, trainer, self_assessment, certificate
    source             TEXT NOT NULL,
    assessed_on        TEXT NOT NULL,
    issuer             TEXT NOT NULL DEFAULT '',
    exam               TEXT NOT NULL DEFAULT '',
    certificate_number TEXT NOT NULL DEFAULT '',
    note               TEXT NOT NULL DEFAULT '',
    -- The account that recorded it (NULL: the system, or an account since removed).
    recorded_by        TEXT,
    created_at         TEXT NOT NULL
);
CREATE INDEX language_assessments_participant_idx
    ON language_assessments (participant_id, assessed_on, created_at);

-- The participant's latest answer to each can-do statement (`b1-reading`: level and skill).
CREATE TABLE language_self_checks (
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    statement      TEXT NOT NULL,
    -- can, with_help, not_yet
    answer         TEXT NOT NULL,
    answered_on    TEXT NOT NULL,
    PRIMARY KEY (participant_id, statement)
);

-- A provider's Ed25519 signing keys. The private key is sealed (XChaCha20-Poly1305) under the
-- installation's key file, which never enters the database; `kid` is the RFC 7638 thumbprint.
-- A rotated key is retired (no longer signs) but stays published for what it signed.
CREATE TABLE issuer_keys (
    kid                TEXT PRIMARY KEY,
    provider_id        TEXT NOT NULL REFERENCES providers(id),
    public_key         TEXT NOT NULL,
    sealed_private_key TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    retired_at         TEXT
);
CREATE INDEX issuer_keys_provider_idx ON issuer_keys (provider_id, created_at);

-- A Sprachkompetenznachweis: what it lists (JSON, for the PDF in German and English) and the
-- signed credential. Erasing the participant removes it; its verify page then says "unknown".
CREATE TABLE language_certificates (
    id             TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    provider_id    TEXT NOT NULL REFERENCES providers(id),
    kid            TEXT NOT NULL REFERENCES issuer_keys(kid),
    issued_on      TEXT NOT NULL,
    content        TEXT NOT NULL,
    credential     TEXT NOT NULL,
    revoked_at     TEXT,
    revoked_reason TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX language_certificates_participant_idx
    ON language_certificates (participant_id, created_at);
