package io.openclaw.hq.llm.rest;

import io.openclaw.hq.llm.service.RouterVersion;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer to an authenticated caller names the router's version, errors included, so a caller
 * that keeps a verdict (the review workflow's record) knows which router gave it without a second
 * request. A caller refused at the door (401, 403) learns nothing about the build.
 */
public class RouterVersionHeader {

    private final RouterVersion version;

    public RouterVersionHeader(RouterVersion version) {
        this.version = version;
    }

    @ServerResponseFilter
    public void addVersion(ContainerResponseContext response) {
        if (response.getStatus() == 401 || response.getStatus() == 403) {
            return;
        }
        response.getHeaders().putSingle(OpenClawHeaders.ROUTER_VERSION, version.value());
    }
}
