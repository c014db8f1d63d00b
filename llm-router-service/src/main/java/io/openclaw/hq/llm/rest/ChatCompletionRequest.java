package io.openclaw.hq.llm.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.platform.errors.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OpenAI chat request fields the router accepts and passes on. Any other field is refused
 * (400 unknown field) rather than silently dropped.
 */
@RegisterForReflection(targets = {ChatCompletionRequest.ChatMessage.class, ChatCompletionRequest.StreamOptions.class})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(
        String model,
        List<ChatMessage> messages,
        @JsonProperty("max_tokens") Integer maxTokens,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        JsonNode stop,
        String user,
        @JsonProperty("response_format") JsonNode responseFormat) {

    static final int MAX_MESSAGES = 1000;
    static final int MAX_TOKENS = 32_768;
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChatMessage(String role, JsonNode content, String name,
            @JsonProperty("tool_call_id") String toolCallId) {
    }

    public record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {
    }

    public boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    /** Every problem with the request at once, as one 400. */
    public void check() {
        List<String> problems = new ArrayList<>();
        if (messages == null || messages.isEmpty()) {
            problems.add("messages must hold at least one message");
        } else if (messages.size() > MAX_MESSAGES) {
            problems.add("messages holds " + messages.size() + " messages, more than " + MAX_MESSAGES);
        } else {
            for (int i = 0; i < messages.size(); i++) {
                ChatMessage m = messages.get(i);
                if (m == null) {
                    problems.add("messages[" + i + "] is null");
                    continue;
                }
                if (m.role() == null || !ROLES.contains(m.role())) {
                    problems.add("messages[" + i + "].role must be one of " + ROLES.stream().sorted().toList());
                }
                if (m.content() == null || !(m.content().isTextual() || m.content().isArray())) {
                    problems.add("messages[" + i + "].content must be a string or an array of parts");
                }
            }
        }
        if (maxTokens != null && (maxTokens < 1 || maxTokens > MAX_TOKENS)) {
            problems.add("max_tokens must be between 1 and " + MAX_TOKENS + ", was " + maxTokens);
        }
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            problems.add("temperature must be between 0 and 2, was " + temperature);
        }
        if (topP != null && (topP < 0 || topP > 1)) {
            problems.add("top_p must be between 0 and 1, was " + topP);
        }
        if (model != null && !MODEL.matcher(model).matches()) {
            problems.add("model must be a model name such as gpt-4o-mini");
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
    }
}
