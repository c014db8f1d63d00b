package io.openclaw.hq.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `review doctor`: hooks, hooksPath, configs, baseline and the record it rests on. */
class RepoDoctorTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    static final FakeRouter router = new FakeRouter();

    @Test
    void aCleanCloneWithoutTheGateFails() {
        Sandbox s = new Sandbox(tmp);

        Sandbox.Outcome o = s.hq("review", "doctor");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("FAIL push gate installed").contains("core.hooksPath is not set")
                .contains("PASS configs valid against their schemas (app.json)")
                .contains("without a review record: it is the trust root");
    }

    @Test
    void afterInstallAndShipEveryCheckPasses() {
        Sandbox s = new Sandbox(tmp);
        s.installHooks();
        String reviewed = s.change("app.txt", "new\n");
        router.approves(s.root0, reviewed);
        assertThat(s.hqWithRouter(router, "ship").exit()).isZero();

        Sandbox.Outcome o = s.hq("review", "doctor");

        assertThat(o.exit()).as(o.all()).isZero();
        assertThat(o.out()).contains("PASS push gate installed").contains("PASS baseline rests on an APPROVED review record")
                .contains("all checks passed");
    }

    @Test
    void anInvalidConfigAStaleHookAndASkippingScriptFail() throws Exception {
        Sandbox s = new Sandbox(tmp);
        s.installHooks();
        Files.writeString(s.clone.resolve("config/app.json"), "{\"name\": 7, \"extra\": true}\n");
        Files.writeString(s.clone.resolve("deploy.sh"), "#!/bin/sh\ngit push " + NoVerifyScan.FLAG + " origin main\n");
        Sandbox.sh(s.clone, "git", "add", "-A");
        Sandbox.sh(s.clone, "git", "commit", "-q", "-m", "bad things");
        Path hook = Path.of(s.git.out("config", "core.hooksPath")).resolve("pre-push");
        Files.writeString(hook, "#!/bin/sh\nexit 0\n");

        Sandbox.Outcome o = s.hq("review", "doctor");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.out()).contains("FAIL push gate installed").contains("differs from what this build installs")
                .contains("FAIL configs valid").contains("config/app.json")
                .contains("FAIL no script skips git hooks").contains("deploy.sh:2");
    }
}
