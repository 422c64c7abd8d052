/**
 * Lessons that ran live: the signaling server reports each lesson room whose lesson started and
 * ended ({@code POST /api/lessons/{lessonId}/held}), with the classrooms that were in it and the
 * attendance the rural rooms reported. Kept in the catalog database, so the delivered-lesson
 * report counts a lesson that ran without any recording.
 */
package org.tongke.recorder.held;
