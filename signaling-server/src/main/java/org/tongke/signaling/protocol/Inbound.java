package org.tongke.signaling.protocol;

/** What the codec hands on for one client frame: a {@link ClientMessage}, or {@link Invalid} when it is none. */
public interface Inbound {
}
