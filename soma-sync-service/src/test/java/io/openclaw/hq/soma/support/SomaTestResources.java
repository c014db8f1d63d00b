package io.openclaw.hq.soma.support;

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
 * real PostgreSQL, canary secrets, WireMock playing both Kajabi and notify-service, GreenMail as
 * the mailbox.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties",
        value = "soma.overrides.kajabi-base-url,quarkus.rest-client.notify.url"))
@WithTestResource(GreenMailResource.class)
@WithTestResource(SomaConfig.class)
public @interface SomaTestResources {
}
