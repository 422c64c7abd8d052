/**
 * The published timetable on the signaling server: each recording classroom's schedule
 * ({@link org.tongke.signaling.schedule.Timetable}, a {@link org.tongke.signaling.schedule.ScheduleSource}),
 * read from a scheduler plan ({@link org.tongke.signaling.schedule.PlanReader}, our own small records,
 * no dependency on the scheduler module) in a file or from the scheduler's {@code GET /api/plan},
 * reloaded on each {@code plan-published} event by the shared plan following of
 * {@code org.tongke.config.plan} ({@link org.tongke.signaling.schedule.TimetablePlans} joins it to the
 * timetable), and the lesson rooms opened from it ({@link org.tongke.signaling.schedule.LessonRooms}).
 * With several nodes, {@link org.tongke.signaling.schedule.AgreedSchedules} serves the schedules under
 * versions every node agrees on.
 */
package org.tongke.signaling.schedule;
