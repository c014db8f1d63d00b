package io.openclaw.hq.llm.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The four providers the router knows, with the secret each one's key comes from. */
public enum ProviderName {
    OPENAI("openai_api_key"),
    MISTRAL("mistral_api_key"),
    MOONSHOT("moonshot_api_key"),
    /** Local only; needs no key. */
    OLLAMA(null);

    private final String secretName;

    ProviderName(String secretName) {
        this.secretName = secretName;
    }

    public boolean needsKey() {
        return secretName != null;
    }

    public String secretName() {
        return secretName;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ProviderName fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
