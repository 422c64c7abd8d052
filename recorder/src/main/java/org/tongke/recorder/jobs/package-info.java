/**
 * Archive jobs, durable and idempotent: one row per classroom's recording of a lesson
 * ({@code archive_job}), its state and progress in percent. The queue that hands jobs to
 * workers is in-process by default ({@link org.tongke.recorder.jobs.LocalJobQueue}) or a Redis
 * Stream shared by several recorders ({@link org.tongke.recorder.jobs.RedisJobQueue}); a job a
 * dead worker held is done again, and an archive is published whole or not at all.
 */
package org.tongke.recorder.jobs;
