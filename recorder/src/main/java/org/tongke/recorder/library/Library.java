package org.tongke.recorder.library;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.recorder.catalog.Catalog;
import org.tongke.recorder.catalog.CurrentLessons;
import org.tongke.recorder.resource.ResourceLimits;

/**
 * What the library's routes work with: the catalog, the lessons of the plan in force, the library folder
 * (media and resources, paths in the catalog are relative to it), the media URL signer, the
 * token verifier, the upload limits and the clock.
 */
public record Library(Catalog catalog, CurrentLessons lessons, Path folder, MediaUrlSigner signer,
        TokenVerifier tokens, ResourceLimits limits, Clock clock) {
    public Library {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(lessons, "lessons");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
    }
}
