package org.tongke.config.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tongke.config.county.County;

/**
 * Writes a resolved county as one JSON document ({@code docs/configuration.md}, "Export"), so
 * that other tools read a county without parsing YAML, in the one JSON form of the domain
 * ({@link DomainJson}).
 */
public final class CountyJson {
    public static final String FORMAT = "tongke-county";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = DomainJson.mapper();

    private CountyJson() {
    }

    public static void write(County county, OutputStream out) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        document.put("county", county);
        MAPPER.writeValue(out, document);
    }

    public static String toJson(County county) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        write(county, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
