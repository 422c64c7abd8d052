package org.tongke.agent.schedule;

import java.time.Instant;

/** A recording that should be running: the lesson id it is filed under and when it stops. */
public record Target(String lesson, Instant until, boolean manual) {
}
