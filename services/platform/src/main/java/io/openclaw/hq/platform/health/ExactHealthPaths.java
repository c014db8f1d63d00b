package io.openclaw.hq.platform.health;

import io.openclaw.hq.platform.errors.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Health answers exactly where docs/PLATFORM.md says and nowhere else: GET (or HEAD) on
 * {@code /q/health}, {@code /q/health/live} and {@code /q/health/ready}. Every other path under
 * {@code /q/health} (wellness, startup, groups, a trailing slash) is a 404 and another method a
 * 405, because these paths are open without the internal token and should show nothing more.
 */
@ApplicationScoped
public class ExactHealthPaths {

    static final Set<String> DOCUMENTED = Set.of("/q/health", "/q/health/live", "/q/health/ready");
    private static final String PREFIX = "/q/health";

    void guard(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::filter);
    }

    private void filter(RoutingContext context) {
        String raw = context.request().path();
        String normalized = context.normalizedPath();
        boolean health = (raw != null && raw.startsWith(PREFIX)) || (normalized != null && normalized.startsWith(PREFIX));
        if (!health) {
            context.next();
            return;
        }
        if (!DOCUMENTED.contains(raw)) {
            refuse(context, 404, "not found", "health answers only at " + String.join(", ", DOCUMENTED.stream().sorted().toList()));
            return;
        }
        HttpMethod method = context.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            context.response().putHeader("Allow", "GET, HEAD");
            refuse(context, 405, "method not allowed", raw + " answers GET only");
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, String title, String detail) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(Json.encode(new Problem(status, title, detail)));
    }
}
