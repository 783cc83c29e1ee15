-- Hours done on an item of an individual plan (a placement week, self-study, lessons or a
-- course held elsewhere), as logged by staff (issue 14, point 5); the coverage's done hours
-- follow from them.
CREATE TABLE plan_item_logs (
    id         TEXT PRIMARY KEY,
    item_id    TEXT NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
    on_date    TEXT NOT NULL,
    hours      DOUBLE PRECISION NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX plan_item_logs_item_idx ON plan_item_logs (item_id, on_date);
