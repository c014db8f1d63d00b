package io.openclaw.hq.runner;

import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.ServiceContractTest;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
class ServiceBootTest extends ServiceContractTest {
}
