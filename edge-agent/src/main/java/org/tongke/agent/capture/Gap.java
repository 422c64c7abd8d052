package org.tongke.agent.capture;

import java.time.Instant;

/** A stretch a source did not record: its source failed and was reopened, or the agent was not running. */
public record Gap(Instant from, Instant to, String reason) {
}
