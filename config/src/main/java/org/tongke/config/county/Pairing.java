package org.tongke.config.county;

import java.util.Objects;

/**
 * A supporting school and the school it supports: within a community (core and member), or
 * the county's "Internet + compulsory education" pairings (互联网+义务教育结对), where
 * {@code previousSupporting} names the school that supported it before, if any.
 */
public record Pairing(String supporting, String receiving, int since, String previousSupporting) {
    public Pairing {
        Objects.requireNonNull(supporting, "supporting");
        Objects.requireNonNull(receiving, "receiving");
    }
}
