package org.tongke.config.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalTime;
import java.util.Locale;

/**
 * The one JSON form of the domain, for every document the platform writes or reads (county
 * export, plans): enums as the lower-case, hyphenated words the YAML uses ({@code co-built},
 * {@code monday}, {@code self-study}), times as {@code "08:00"}, dates as ISO text. Records are
 * written field by field and read back through their canonical constructors.
 */
public final class DomainJson {
    private DomainJson() {
    }

    public static ObjectMapper mapper() {
        SimpleModule words = new SimpleModule("tongke-words") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addKeyDeserializers(new EnumKeyDeserializers());
            }
        };
        words.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifyEnumSerializer(SerializationConfig config, JavaType type,
                                                          BeanDescription description, JsonSerializer<?> serializer) {
                return new EnumAsWord();
            }

            @Override
            public JsonSerializer<?> modifyKeySerializer(SerializationConfig config, JavaType type,
                                                         BeanDescription description, JsonSerializer<?> serializer) {
                return type.isEnumType() ? new EnumKeyAsWord() : serializer;
            }
        });
        words.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return new WordAsEnum(type.getRawClass());
            }
        });
        words.addSerializer(LocalTime.class, new MinutesOfDay());
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(words)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E fromWord(Class<E> type, String word) {
        try {
            return Enum.valueOf(type, word.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + word + "' is not a " + type.getSimpleName(), e);
        }
    }

    private static final class EnumAsWord extends JsonSerializer<Enum<?>> {
        @Override
        public void serialize(Enum<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(word(value));
        }
    }

    private static final class EnumKeyAsWord extends JsonSerializer<Enum<?>> {
        @Override
        public void serialize(Enum<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeFieldName(word(value));
        }
    }

    private static final class MinutesOfDay extends JsonSerializer<LocalTime> {
        @Override
        public void serialize(LocalTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final class WordAsEnum extends JsonDeserializer<Enum<?>> {
        private final Class type;

        WordAsEnum(Class<?> type) {
            this.type = type;
        }

        @Override
        public Enum<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return fromWord(type, parser.getValueAsString());
            } catch (IllegalArgumentException e) {
                return (Enum<?>) context.handleWeirdStringValue(type, parser.getValueAsString(), e.getMessage());
            }
        }
    }

    private static final class EnumKeyDeserializers implements KeyDeserializers {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription description) {
            if (!type.isEnumType()) {
                return null;
            }
            Class enumType = type.getRawClass();
            return new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext context) {
                    return fromWord(enumType, key);
                }
            };
        }
    }
}
