package org.tongke.bench.signaling;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads a few fields straight from a frame's UTF-8 bytes, without parsing the JSON: the load
 * generator looks at tens of thousands of frames a second on the cores the server under test
 * needs, and only wants the type, an error code and the chat stamp. Valid for what the server
 * writes (Jackson, no spaces) and for the generator's own echo frames.
 */
final class FramePeek {
    private static final byte QUOTE = '"';
    private static final byte STAMP_MARK = '~';
    private static final byte[] TEXT = key("text");

    private FramePeek() {
    }

    /** The string value of the first {@code "name":"..."} in the frame, or null. */
    static String string(ByteBuf frame, String name) {
        int start = after(frame, key(name));
        if (start < 0) {
            return null;
        }
        int end = frame.indexOf(start, frame.writerIndex(), QUOTE);
        return end < 0 ? null : frame.toString(start, end - start, StandardCharsets.UTF_8);
    }

    /** The stamp in the frame's chat text ({@link Stamp#text}), or null when it carries none. */
    static Stamp stamp(ByteBuf frame) {
        int i = after(frame, TEXT);
        if (i < 0 || i >= frame.writerIndex() || frame.getByte(i) != STAMP_MARK) {
            return null;
        }
        long sent = 0;
        int p = i + 1;
        for (byte b; p < frame.writerIndex() && (b = frame.getByte(p)) != STAMP_MARK; p++) {
            if (b < '0' || b > '9') {
                return null;
            }
            sent = sent * 10 + (b - '0');
        }
        int sender = 0;
        for (p++; p < frame.writerIndex() && frame.getByte(p) != STAMP_MARK; p++) {
            byte b = frame.getByte(p);
            if (b < '0' || b > '9') {
                return null;
            }
            sender = sender * 10 + (b - '0');
        }
        return p < frame.writerIndex() ? new Stamp(sent, sender) : null;
    }

    private static byte[] key(String name) {
        return ("\"" + name + "\":\"").getBytes(StandardCharsets.UTF_8);
    }

    /** The index just after the first occurrence of {@code needle}, or -1. */
    private static int after(ByteBuf frame, byte[] needle) {
        int last = frame.writerIndex() - needle.length;
        outer:
        for (int i = frame.readerIndex(); i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (frame.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i + needle.length;
        }
        return -1;
    }

    /**
     * When a chat line was sent ({@link System#nanoTime()} of the generator) and by which of its
     * connections.
     */
    record Stamp(long sentNanos, int sender) {
        Stamp {
            if (sentNanos < 0 || sender < 0) {
                throw new IllegalArgumentException("stamp " + sentNanos + "/" + sender + " is negative");
            }
        }

        /** {@code ~SENT~SENDER~} padded with {@code x} to {@code length} characters (more if it must). */
        String text(int length) {
            StringBuilder s = new StringBuilder(Math.max(length, 40)).append('~').append(sentNanos).append('~')
                    .append(sender).append('~');
            while (s.length() < length) {
                s.append('x');
            }
            return s.toString();
        }
    }
}
