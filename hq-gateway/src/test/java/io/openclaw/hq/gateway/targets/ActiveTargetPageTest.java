package io.openclaw.hq.gateway.targets;

import static org.hamcrest.Matchers.containsString;

import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Stubs;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** HQ shows the active target (config/targets.json of the repository in tests) in every page's header. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class ActiveTargetPageTest {

    @Test
    void everyPageHeaderShowsTheActiveTarget() {
        Stubs.allUp(BackendsWireMockResource.server());
        Hq hq = Hq.login();
        for (String page : new String[] {"/", "/actions", "/logs"}) {
            hq.page().get(page).then().statusCode(200)
                    .body(containsString("id=\"active-target\""))
                    .body(containsString("target: aiops-1 · 100.123.61.57"));
        }
    }
}
