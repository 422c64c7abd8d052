/**
 * Lessons held live, told to the recorder ({@code --recorder}): when a lesson room's lesson ends
 * (the lead teacher ends it, or its room of the timetable closes with it still live), the room
 * hands a {@link org.tongke.signaling.room.LessonRun} to {@link org.tongke.signaling.held.HeldLessonOutbox},
 * which posts it as a {@link org.tongke.signaling.held.HeldLessonReport} to
 * {@code POST /api/lessons/{lessonId}/held} from a thread of its own, retrying with backoff while
 * the recorder is away, so the delivered-lesson report counts lessons that ran without a recording.
 * With {@code --held-spool}, {@link org.tongke.signaling.held.HeldLessonSpool} keeps the waiting
 * reports on disk across restarts.
 */
package org.tongke.signaling.held;
