package io.openclaw.hq.llm.model;

import java.util.Locale;

/** Why a call is made; it decides the route. Anything unknown is routed like {@link #OTHER}. */
public enum Purpose {
    REVIEW, GENERAL, VISION, OTHER;

    public static Purpose parse(String header) {
        if (header == null || header.isBlank()) {
            return GENERAL;
        }
        return switch (header.strip().toLowerCase(Locale.ROOT)) {
            case "review" -> REVIEW;
            case "general" -> GENERAL;
            case "vision" -> VISION;
            default -> OTHER;
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
