package org.tongke.recorder.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tongke.config.export.DomainJson;

/** The manifest's one JSON form, as agents send it and as it is kept. */
public final class ManifestJson {
    public static final int MAX_BYTES = 256 * 1024;
    private static final ObjectMapper MAPPER = DomainJson.mapper();

    private ManifestJson() {
    }

    public static LessonManifest read(String body) {
        if (body == null || body.isBlank()) {
            throw IngestException.badRequest("the manifest body is empty");
        }
        if (body.length() > MAX_BYTES) {
            throw IngestException.badRequest("the manifest is longer than " + MAX_BYTES + " characters");
        }
        try {
            LessonManifest manifest = MAPPER.readValue(body, LessonManifest.class);
            if (manifest == null) {
                throw IngestException.badRequest("the manifest is empty JSON");
            }
            return manifest;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof IngestException refused) {
                throw refused;
            }
            throw IngestException.badRequest("the manifest is not valid JSON for a manifest: " + e.getOriginalMessage());
        }
    }
}
