package io.openclaw.hq.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Every service reads request bodies the same strict way: a key given twice is refused (the
 * client and the service could each believe a different value), and no text may carry the NUL
 * character, which PostgreSQL cannot store and which no field of ours means to hold.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(noNulText());
    }

    public static SimpleModule noNulText() {
        SimpleModule module = new SimpleModule("openclaw-no-nul-text");
        module.addDeserializer(String.class, new NulFreeText.Strings());
        module.addKeyDeserializer(String.class, new NulFreeText.Keys());
        module.addDeserializer(com.fasterxml.jackson.databind.JsonNode.class, new NulFreeText.Trees());
        return module;
    }
}
