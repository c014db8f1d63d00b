package io.openclaw.hq.doctor;

import io.openclaw.hq.doctor.host.MinaHostResource;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one set of test resources every @QuarkusTest of this module uses, so they share one boot:
 * real PostgreSQL, canary secrets, WireMock as notify-service and the stack's health URLs, and
 * Apache MINA SSHD as the VPS, and the host guard's log (fresh at start-up).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties",
        value = "quarkus.rest-client.notify.url,test.wiremock.url"))
@WithTestResource(MinaHostResource.class)
@WithTestResource(io.openclaw.hq.doctor.guard.HostGuardLogResource.class)
public @interface DoctorTestResources {
}
