package io.openclaw.hq.gateway.auth;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Requests sent from a chosen loopback address, so tests can be distinct clients of the gateway
 * (each its own throttle key) or be the trusted proxy. The test profile trusts {@link #SERVE}
 * only: it stands for Tailscale Serve. Plain {@code given()} comes from 127.0.0.1, which is
 * trusted by nobody, as in local mode.
 */
public final class ClientAddress {

    /** The test profile's {@code gateway.trusted-proxies}. */
    public static final String SERVE = "127.0.0.2";

    private ClientAddress() {
    }

    public static RequestSpecification from(String address) {
        try {
            InetAddress local = InetAddress.getByName(address);
            return given().config(RestAssured.config().httpClient(
                    RestAssured.config().getHttpClientConfig().setParam("http.route.local-address", local)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    /** Through the trusted proxy: its forwarding headers are believed. */
    public static RequestSpecification viaServe() {
        return from(SERVE);
    }
}
