/**
 * The library's catalog: every archived lesson and every teaching resource, with the
 * timetable's metadata (community, schools, classes, subject, grade, lead and assistant
 * teachers, date and time, kind), staff notes and view counts (点播量), on JDBC (embedded H2 by
 * default, PostgreSQL in production; one schema migrated by Flyway).
 *
 * <p>{@link org.tongke.recorder.catalog.LessonDirectory} resolves a lesson occurrence id to its
 * metadata from the scheduler's plan file and the county; the archive pipeline hands each
 * finished archive over as an {@link org.tongke.recorder.catalog.ArchivedLesson}.
 * {@link org.tongke.recorder.catalog.Catalog#search} finds entries by a substring of their
 * normalized texts (so {@code 数学} finds {@code 四年级数学} on both databases alike), filters
 * them, counts every filter's values and pages them, from an index in memory that follows the
 * tables. Every method here blocks on JDBC: call it from a worker thread, never from an event
 * loop.
 */
package org.tongke.recorder.catalog;
