package org.tongke.signaling.room;

/** One chat line ({@code at}: ISO-8601 UTC) as kept in the room's bounded history. */
public record ChatEntry(String session, String subject, String classroom, String text, String at) {
}
