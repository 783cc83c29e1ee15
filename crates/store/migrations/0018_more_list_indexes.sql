-- Issue 12, the remaining lists: indexes in the order they are read (keyset paging walks them
-- by sort key and id; a provider's list reads only its own part).

-- Import jobs newest first: all of them (admins), a provider's, and by status.
CREATE INDEX import_jobs_created_idx ON import_jobs (created_at, id);
CREATE INDEX import_jobs_provider_created_idx ON import_jobs (provider_id, created_at, id);
CREATE INDEX import_jobs_status_created_idx ON import_jobs (status, created_at, id);
