package io.openclaw.hq.llm.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The review instructions: the five security gates and the one JSON shape the answer must have. */
public final class ReviewPrompt {

    static final String SYSTEM = """
            You are the security review gate of a private operations control plane. Review the change
            bundle and judge five gates. Answer with one JSON object and nothing else:
            {"verdict":"APPROVED"|"BLOCKED","summary":"<one paragraph>","gates":{
             "public_binds":{"status":"pass"|"fail","reason":"..."},
             "allowlist_bypass":{"status":"pass"|"fail","reason":"..."},
             "key_handling":{"status":"pass"|"fail","reason":"..."},
             "guard_doctor_intact":{"status":"pass"|"fail","reason":"..."},
             "lockout_risk":{"status":"pass"|"fail","reason":"..."}}}
            Gates:
            - public_binds: nothing binds or publishes a port beyond loopback or the tailnet.
            - allowlist_bypass: no path around the action, job or repository allowlists.
            - key_handling: no secret is logged, returned, committed, written to an artifact or passed in argv.
            - guard_doctor_intact: the doctor checks, the guard loop and their alerts are not weakened or disabled.
            - lockout_risk: nothing can lock the operator out (SSH, firewall, Tailscale, sudo).
            APPROVED only if every gate passes; otherwise BLOCKED. When unsure, fail the gate.
            """;

    private ReviewPrompt() {
    }

    public static ObjectNode request(ObjectMapper json, ReviewRequest review) {
        ObjectNode body = json.createObjectNode();
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM);
        messages.addObject().put("role", "user").put("content", "Changes from " + review.sinceSha() + " to "
                + review.toSha() + ".\n<bundle>\n" + review.bundle() + "\n</bundle>");
        body.putObject("response_format").put("type", "json_object");
        return body;
    }
}
