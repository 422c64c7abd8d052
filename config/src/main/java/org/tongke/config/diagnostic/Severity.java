package org.tongke.config.diagnostic;

/** An error makes the configuration unusable; a warning is worth reading but does not. */
public enum Severity {
    ERROR,
    WARNING
}
