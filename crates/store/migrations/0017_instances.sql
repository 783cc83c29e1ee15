-- Several instances on one database (issue 12, point 6): what they must share.

-- Failed logins as leaky buckets, so that the limits hold across instances. `key` is
-- `a:<login>` (the account's failures from anywhere) or `p:<login> <address>` (an account and
-- address pair; invitation redemptions use the login ` invitation`); `until_ms` (milliseconds
-- since 1970, UTC) is when all its failures are forgotten: each failure adds one period.
CREATE TABLE login_failures (
    key       TEXT PRIMARY KEY,
    until_ms  BIGINT NOT NULL
);

-- The instance running a confirmed import claims it here (only one INSERT per job succeeds)
-- and renews `lease_until` while it runs; a running job whose lease has expired was
-- interrupted (its process ended) and is marked failed. A separate table, because the
-- import's own transaction holds the job's row until it commits.
CREATE TABLE import_runs (
    job_id       TEXT PRIMARY KEY,
    claimed_by   TEXT NOT NULL,
    lease_until  TEXT NOT NULL
);

-- Daily jobs of `lernweg serve` (expiry of import previews, the retention purge): the
-- instance whose INSERT of (job, day) succeeds runs the job that day.
CREATE TABLE daily_runs (
    job          TEXT NOT NULL,
    -- YYYY-MM-DD in Europe/Berlin.
    day          TEXT NOT NULL,
    claimed_by   TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    -- What the job did (counts), or the error.
    outcome      TEXT,
    PRIMARY KEY (job, day)
);
