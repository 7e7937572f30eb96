package com.workline.persistence.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON objects as the database keeps them (custom fields, saved view definitions, history rows). */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** A JSON object as an ordered map; empty for null or blank text. */
    public static Map<String, Object> parseObject(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Malformed JSON object: " + json, e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot be written as JSON: " + value, e);
        }
    }

    /** The planner's row estimate from {@code EXPLAIN (FORMAT JSON)} output. */
    public static long planRows(String explainJson) {
        try {
            return MAPPER.readTree(explainJson).get(0).get("Plan").get("Plan Rows").asLong();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unexpected EXPLAIN output", e);
        }
    }
}
