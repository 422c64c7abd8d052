-- Ingest and archive jobs. The catalog's tables follow from V2 on.
-- Times are epoch milliseconds (BIGINT) so H2 and PostgreSQL read them the same way.

-- One row per tus upload; the bytes are in the ingest folder. "upload_offset" is what is synced
-- to disk, so an upload resumes there after a restart.
CREATE TABLE ingest_upload (
    id            VARCHAR(40)   PRIMARY KEY,
    lesson        VARCHAR(200)  NOT NULL,
    classroom     VARCHAR(200)  NOT NULL,
    source        VARCHAR(100)  NOT NULL,
    segment       INTEGER       NOT NULL,
    filename      VARCHAR(255)  NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    upload_length BIGINT        NOT NULL,
    upload_offset BIGINT        NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    created_at    BIGINT        NOT NULL,
    updated_at    BIGINT        NOT NULL,
    CONSTRAINT ingest_upload_segment UNIQUE (lesson, classroom, source, segment)
);

-- The agent's word that a classroom's recording of a lesson is complete.
CREATE TABLE ingest_manifest (
    lesson       VARCHAR(200)     NOT NULL,
    classroom    VARCHAR(200)     NOT NULL,
    body         VARCHAR(1000000) NOT NULL,
    received_at  BIGINT           NOT NULL,
    queued       BOOLEAN          NOT NULL,
    PRIMARY KEY (lesson, classroom)
);

-- Archive jobs: one per (lesson, classroom) and attempt chain; a worker that dies leaves its job
-- "running" with a stale heartbeat, and the job is taken again.
CREATE TABLE archive_job (
    id           VARCHAR(40)   PRIMARY KEY,
    lesson       VARCHAR(200)  NOT NULL,
    classroom    VARCHAR(200)  NOT NULL,
    state        VARCHAR(20)   NOT NULL,
    progress     INTEGER       NOT NULL,
    attempts     INTEGER       NOT NULL,
    worker       VARCHAR(100),
    reason       VARCHAR(4000),
    created_at   BIGINT        NOT NULL,
    updated_at   BIGINT        NOT NULL,
    CONSTRAINT archive_job_lesson UNIQUE (lesson, classroom)
);
