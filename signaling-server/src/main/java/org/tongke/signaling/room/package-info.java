/**
 * Lesson rooms: the authoritative state of a live lesson (who is in, the rural classrooms, the
 * floor, the raised-hand queue, mute and lock, spotlight, attendance, chat, the media mode) and the
 * WebRTC relay between two members, and the rules of who
 * may change what. Plain Java, one lock per room, no Netty: every rule is tested without a
 * server. Each change is announced to the room's {@link org.tongke.signaling.room.Member}s as a
 * {@link org.tongke.signaling.room.RoomChange}, under the room's lock, so everyone sees the same
 * order. Rooms live in a {@link org.tongke.signaling.room.RoomRegistry} (in memory now; Redis
 * across nodes later).
 */
package org.tongke.signaling.room;
