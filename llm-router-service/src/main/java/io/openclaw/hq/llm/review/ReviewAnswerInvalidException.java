package io.openclaw.hq.llm.review;

import java.util.List;

/** The model answered, but not with a verdict that fits the schema: the gate says no. */
public class ReviewAnswerInvalidException extends RuntimeException {

    private final transient List<String> violations;
    private final String routerRunId;

    public ReviewAnswerInvalidException(String routerRunId, List<String> violations) {
        super("the model's answer is not a valid verdict (" + violations.size() + " violation(s)); the review fails closed",
                null, false, false);
        this.routerRunId = routerRunId;
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }

    public String routerRunId() {
        return routerRunId;
    }
}
