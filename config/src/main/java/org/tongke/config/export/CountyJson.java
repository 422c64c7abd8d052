package org.tongke.config.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.tongke.config.county.CommunityType;
import org.tongke.config.county.County;
import org.tongke.config.requirement.LessonKind;
import org.tongke.config.school.Setting;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.Stage;

/**
 * Writes a resolved county as one JSON document ({@code docs/configuration.md}, "Export"), so
 * that other tools read a county without parsing YAML. Enum values are written with the same
 * keys the YAML uses ({@code co-built}, {@code monday}).
 */
public final class CountyJson {
    public static final String FORMAT = "tongke-county";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(keysModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

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

    private static SimpleModule keysModule() {
        SimpleModule module = new SimpleModule("tongke-keys");
        asKey(module, Stage.class, Stage::key);
        asKey(module, Setting.class, Setting::key);
        asKey(module, CommunityType.class, CommunityType::key);
        asKey(module, LessonKind.class, LessonKind::key);
        asKey(module, SlotKind.class, k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        asKey(module, DayOfWeek.class, d -> d.name().toLowerCase(Locale.ROOT));
        // Bell times are whole minutes; "08:00" reads as the YAML was written.
        asKey(module, LocalTime.class, LocalTime::toString);
        return module;
    }

    private static <E> void asKey(SimpleModule module, Class<E> type, Function<E, String> key) {
        module.addSerializer(type, new JsonSerializer<E>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(key.apply(value));
            }
        });
        module.addKeySerializer(type, new JsonSerializer<E>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeFieldName(key.apply(value));
            }
        });
    }
}
