package io.openclaw.hq.soma;

import io.openclaw.hq.soma.support.SomaTestResources;
import io.openclaw.hq.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

/** The platform's promises (readiness, internal token, run feed, log redaction), in this module's one boot. */
@QuarkusTest
@SomaTestResources
class ServiceBootTest extends ServiceContractTest {
}
