package org.tongke.signaling.room;

/** Pupils present ({@code at}: ISO-8601 UTC) of the class's total, as a rural classroom last reported it. */
public record AttendanceReport(int present, int total, String at) {
}
