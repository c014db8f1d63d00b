package io.openclaw.hq.platform.errors;

/** Thrown by services for an expected refusal; becomes a {@link Problem} with this status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad request", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not found", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Problem toProblem() {
        return new Problem(status, title, getMessage());
    }
}
