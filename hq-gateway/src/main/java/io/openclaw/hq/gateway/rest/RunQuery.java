package io.openclaw.hq.gateway.rest;

import io.openclaw.hq.gateway.client.Backend;
import io.openclaw.hq.gateway.model.RunFilter;
import io.openclaw.hq.gateway.service.RunFeed;
import io.openclaw.hq.platform.errors.ProblemException;
import java.util.Set;

/** Query parameters of the run feed, checked so a typo is a 400 that says so, not an empty list. */
final class RunQuery {

    static final Set<String> STATUSES = Set.of("queued", "running", "success", "failure", "refused", "interrupted");

    private RunQuery() {
    }

    static RunFilter filter(String project, String service, String status) {
        String p = blank(project);
        String s = blank(service);
        String st = blank(status);
        if (s != null) {
            checkService(s);
        }
        if (st != null && !STATUSES.contains(st)) {
            throw ProblemException.badRequest("status must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        if (p != null && !p.matches("[a-z][a-z0-9_]{1,63}")) {
            throw ProblemException.badRequest("project must be a project id such as infra_openclaw");
        }
        return new RunFilter(p, s, st);
    }

    static void checkService(String service) {
        if (!RunFeed.GATEWAY.equals(service) && Backend.byServiceName(service).isEmpty()) {
            throw ProblemException.badRequest("unknown service '" + service + "'");
        }
    }

    static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, was '" + value + "'");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
