package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads a backend's JSON into the gateway's contract records. Fields a backend adds are ignored
 * (the contract files allow additions); a field the record names must be there in the backend's
 * recorded answer, which the contract tests check.
 */
public final class BackendJson {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private BackendJson() {
    }

    public static <T> T read(JsonNode body, TypeReference<T> type) {
        return MAPPER.convertValue(body, type);
    }

    public static <T> T read(JsonNode body, Class<T> type) {
        return MAPPER.convertValue(body, type);
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
