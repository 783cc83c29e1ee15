-- CSV imports of participants (issue 5, point 10): a job per uploaded file. The preview's
-- valid rows wait in `staged` (JSON) until the user confirms or discards; they are personal
-- data, so `staged` and `issues` are emptied (NULL) when the job is done, failed or discarded,
-- and unconfirmed previews expire after 24 hours (`Store::expire_imports`).

CREATE TABLE import_jobs (
    id                 TEXT PRIMARY KEY,
    provider_id        TEXT NOT NULL REFERENCES providers(id),
    created_by         TEXT,
    -- Assigned to every imported participant.
    contact_person_id  TEXT REFERENCES users(id),
    file_name          TEXT NOT NULL,
    encoding           TEXT NOT NULL,
    -- previewed | running | done | failed | discarded
    status             TEXT NOT NULL,
    total_rows         BIGINT NOT NULL,
    valid_rows         BIGINT NOT NULL,
    error_rows         BIGINT NOT NULL,
    -- Committed progress: 0 until the one import transaction commits, then valid_rows.
    done_rows          BIGINT NOT NULL DEFAULT 0,
    -- Why a job failed or ended: a code (`emails_taken`, `database`, `interrupted`, `expired`)
    -- and a detail (row numbers or the database's message; never names).
    error_code         TEXT,
    error_detail       TEXT,
    -- [{"code", "args"}] file-level warnings (unknown columns, …): column names only.
    warnings           TEXT NOT NULL DEFAULT '[]',
    -- [{"row", "field", "key", "code", "args"}] errors per row; NULL once the job has ended.
    issues             TEXT,
    -- [{"row", "data"}] the valid rows (lernweg_participants::ParticipantData); NULL once ended.
    staged             TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    finished_at        TEXT
);
CREATE INDEX import_jobs_provider_idx ON import_jobs (provider_id, created_at);
CREATE INDEX import_jobs_status_idx ON import_jobs (status, created_at);

-- Duplicate checks of an import look participants up by e-mail within a provider.
CREATE INDEX participants_email_idx ON participants (provider_id, email);
