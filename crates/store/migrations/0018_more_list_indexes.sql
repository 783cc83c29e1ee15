-- Issue 12, the remaining lists: indexes in the order they are read (keyset paging walks them
-- by sort key and id; a provider's list reads only its own part).

-- Import jobs newest first: all of them (admins), a provider's, and by status.
CREATE INDEX import_jobs_created_idx ON import_jobs (created_at, id);
CREATE INDEX import_jobs_provider_created_idx ON import_jobs (provider_id, created_at, id);
CREATE INDEX import_jobs_status_created_idx ON import_jobs (status, created_at, id);

-- The inventory by label (a provider's reads devices_provider_idx), by kind, and the loans by
-- due date (a provider's reads device_loans_provider_idx). A device's open loan is found
-- through device_loans_open_idx, the borrower through the participants' primary key.
CREATE INDEX devices_label_idx ON devices (label, id);
CREATE INDEX devices_kind_label_idx ON devices (kind, label, id);
CREATE INDEX device_loans_due_idx ON device_loans (due_on, id);
