package org.tongke.agent.capture;

import java.util.Locale;

/** A source's state as health reports it. */
public enum SourceState {
    IDLE, STARTING, RECORDING, REOPENING, FAILED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
