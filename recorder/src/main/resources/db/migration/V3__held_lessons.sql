-- Lessons that ran live, as the signaling server saw their rooms: one row per lesson, the
-- classrooms that were in it, one row each, with the attendance a rural room reported.
-- Portable SQL: the same file migrates H2 and PostgreSQL.

CREATE TABLE held_lesson (
    lesson_id        VARCHAR(200) PRIMARY KEY,                -- the occurrence id, the lesson room's id
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,       -- the lead teacher started the lesson
    ended_at         TIMESTAMP WITH TIME ZONE NOT NULL,       -- ended by the lead teacher, or its room closed
    ending           VARCHAR(32)  NOT NULL,                   -- ended | room-closed
    node             VARCHAR(64)  NOT NULL,                   -- the signaling node that reported it
    reported_by      VARCHAR(200) NOT NULL,                   -- the token's subject
    first_reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_at      TIMESTAMP WITH TIME ZONE NOT NULL        -- the last report that changed it
);

CREATE TABLE held_lesson_classroom (
    lesson_id        VARCHAR(200) NOT NULL REFERENCES held_lesson (lesson_id) ON DELETE CASCADE,
    classroom        VARCHAR(200) NOT NULL,                   -- SCHOOL/ROOM
    host             BOOLEAN      NOT NULL,                   -- the lead teacher's classroom
    present          INTEGER,                                 -- pupils present, when the room reported attendance
    total            INTEGER,                                 -- of the class's pupils
    PRIMARY KEY (lesson_id, classroom)
);
