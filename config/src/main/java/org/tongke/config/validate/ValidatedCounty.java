package org.tongke.config.validate;

import java.util.Optional;
import org.tongke.config.county.County;
import org.tongke.config.diagnostic.Problems;

/** A county that passed validation when {@link #usable()}; otherwise the problems say why not. */
public record ValidatedCounty(Optional<County> county, Problems problems) {
    public boolean usable() {
        return county.isPresent() && !problems.hasErrors();
    }

    /** The county, for callers that have checked {@link #usable()}. */
    public County orThrow() {
        if (!usable()) {
            throw new IllegalStateException("configuration has " + problems.errorCount() + " errors");
        }
        return county.orElseThrow();
    }
}
