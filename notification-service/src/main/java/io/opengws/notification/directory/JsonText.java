package io.opengws.notification.directory;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.opengws.common.events.EventJson;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** JSON columns kept as TEXT: a list of names and a flat map of settings. */
final class JsonText {

    private JsonText() {
    }

    @Converter
    public static class StringList implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> value) {
            return EventJson.write(value == null ? List.of() : value);
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            return read(column, new TypeReference<List<String>>() {
            });
        }
    }

    @Converter
    public static class StringMap implements AttributeConverter<Map<String, String>, String> {
        @Override
        public String convertToDatabaseColumn(Map<String, String> value) {
            return EventJson.write(value == null ? Map.of() : value);
        }

        @Override
        public Map<String, String> convertToEntityAttribute(String column) {
            return read(column, new TypeReference<Map<String, String>>() {
            });
        }
    }

    private static <T> T read(String column, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }
}
