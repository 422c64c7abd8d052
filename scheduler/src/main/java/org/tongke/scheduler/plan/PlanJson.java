package org.tongke.scheduler.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tongke.config.export.DomainJson;

/**
 * The plan's one JSON form ({@code docs/plan-format.md}): an envelope with format and version
 * around the plan, in the domain's JSON words.
 */
public final class PlanJson {
    public static final String FORMAT = "tongke-plan";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = DomainJson.mapper();

    private PlanJson() {
    }

    public static void write(Plan plan, OutputStream out) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        document.put("plan", plan);
        MAPPER.writeValue(out, document);
    }

    /** Reads a plan document; a wrong format or version is refused with what was found. */
    public static Plan read(InputStream in) throws IOException {
        JsonNode document = MAPPER.readTree(in);
        if (document == null || !FORMAT.equals(document.path("format").asText())) {
            throw new IOException("not a plan: the document's format is not '" + FORMAT + "'");
        }
        if (document.path("version").asInt() != VERSION) {
            throw new IOException("plan version " + document.path("version").asText() + " is not supported (only "
                    + VERSION + ")");
        }
        return MAPPER.treeToValue(document.path("plan"), Plan.class);
    }
}
