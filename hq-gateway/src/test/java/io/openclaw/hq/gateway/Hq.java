package io.openclaw.hq.gateway;

import static io.restassured.RestAssured.given;

import io.openclaw.hq.testing.CanarySecrets;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A logged-in browser, as rest-assured sees it: the session cookie and the page's CSRF token. */
public record Hq(String cookie, String csrf) {

    private static final Pattern CSRF = Pattern.compile("\"X-CSRF-Token\": \"([^\"]+)\"");

    public static String origin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    public static Hq login() {
        Response login = given().redirects().follow(false).header("Origin", origin())
                .contentType("application/x-www-form-urlencoded").formParam("token", CanarySecrets.CONSOLE_TOKEN)
                .post("/login");
        if (login.statusCode() != 303) {
            throw new AssertionError("login answered " + login.statusCode() + ": " + login.asString());
        }
        String cookie = login.getCookie("hq_session");
        String page = given().cookie("hq_session", cookie).accept("text/html").get("/actions").asString();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        return new Hq(cookie, m.group(1));
    }

    /** A same-origin request of this session carrying its CSRF token. */
    public RequestSpecification post() {
        return given().cookie("hq_session", cookie).header("Origin", origin()).header("X-CSRF-Token", csrf);
    }

    public RequestSpecification page() {
        return given().cookie("hq_session", cookie).accept("text/html");
    }

    public static RequestSpecification api() {
        return given().header("X-OpenClaw-Token", CanarySecrets.CONSOLE_TOKEN);
    }
}
