package io.openclaw.hq.llm.rest;

import io.openclaw.hq.llm.service.RouterVersion;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer of the router names its version, errors included, so a caller that keeps a verdict
 * (the review workflow's record) knows which router gave it without a second request.
 */
public class RouterVersionHeader {

    private final RouterVersion version;

    public RouterVersionHeader(RouterVersion version) {
        this.version = version;
    }

    @ServerResponseFilter
    public void addVersion(ContainerResponseContext response) {
        response.getHeaders().putSingle(OpenClawHeaders.ROUTER_VERSION, version.value());
    }
}
