package io.openclaw.hq.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Backend answers shaped like the services' documented APIs. */
public final class Stubs {

    public static final String DOCTOR = "/doctor-service";
    public static final String LLM = "/llm-router-service";
    public static final String NOTIFY = "/notify-service";
    public static final String SOMA = "/soma-sync-service";
    public static final String RUNNER = "/runner-service";

    private Stubs() {
    }

    /** Every service up with a little data; breakers closed. */
    public static void allUp(WireMockServer wm) {
        wm.resetAll();
        CircuitBreakerMaintenance.get().resetAll();
        wm.stubFor(get(urlPathEqualTo(DOCTOR + "/runs")).willReturn(okJson("[" + run("20260216T100000Z-aaa001",
                "doctor-service", "doctor", "success", "2026-02-16T10:00:00Z", null) + "," + run("20260216T090000Z-aaa000",
                "doctor-service", "guard", "failure", "2026-02-16T09:00:00Z", "\"sshd listens publicly\"") + "]")));
        wm.stubFor(get(urlPathEqualTo(SOMA + "/runs")).willReturn(okJson("[" + run("20260216T093000Z-bbb001",
                "soma-sync-service", "soma_snapshot_home", "success", "2026-02-16T09:30:00Z", null) + "]")));
        wm.stubFor(get(urlPathEqualTo(LLM + "/runs")).willReturn(okJson("[]")));
        wm.stubFor(get(urlPathEqualTo(NOTIFY + "/runs")).willReturn(okJson("[]")));
        wm.stubFor(get(urlPathEqualTo(RUNNER + "/runs")).willReturn(okJson("[]")));
        wm.stubFor(get(urlPathEqualTo(DOCTOR + "/doctor/reports")).willReturn(okJson("""
                [{"id":"20260216T100000Z-aaa001","status":"FAIL","finishedAt":"2026-02-16T10:00:05Z",
                  "checks":[{"name":"tailscale","status":"PASS","detail":"up"},
                            {"name":"public_ports","status":"FAIL","detail":"0.0.0.0:22 sshd"}]}]""")));
        wm.stubFor(get(urlPathEqualTo(DOCTOR + "/doctor/history")).willReturn(okJson("""
                {"days":[{"date":"2026-02-10","pass":20,"fail":1},{"date":"2026-02-11","pass":24,"fail":0}]}""")));
        wm.stubFor(get(urlPathEqualTo(DOCTOR + "/guard/status")).willReturn(okJson("""
                {"timer":"active","intervalMinutes":10,"lastResult":"PASS","lastRunAt":"2026-02-16T10:00:00Z"}""")));
        wm.stubFor(get(urlPathEqualTo(DOCTOR + "/guard/log")).willReturn(okJson("""
                {"lines":["2026-02-16T09:50:00Z PASS guard","2026-02-16T10:00:00Z PASS guard"]}""")));
        wm.stubFor(get(urlPathEqualTo(LLM + "/v1/status")).willReturn(okJson("""
                {"providers":[{"name":"openai","enabled":true,"configured":true,"state":"OK","masked":"sk-…a5b4",
                  "fingerprint":"sha256:0123456789abcdef"},
                  {"name":"mistral","enabled":true,"configured":false,"state":"DOWN","lastErrorClass":"missing_key"}],
                 "reviewGate":{"provider":"openai","model":"gpt-4o-mini","failClosed":true},
                 "config":{"valid":true}}""")));
        wm.stubFor(get(urlPathEqualTo(LLM + "/v1/spend")).willReturn(okJson("""
                {"totalUsd":1.25,"days":[{"date":"2026-02-15","usd":0.5},{"date":"2026-02-16","usd":0.75}]}""")));
        wm.stubFor(get(urlPathEqualTo(NOTIFY + "/status")).willReturn(okJson("{\"pushover\":\"configured\",\"sms\":\"configured\"}")));
    }

    /** The service answers nothing for ten seconds: far longer than the gateway's one-second timeout. */
    public static void hanging(WireMockServer wm, String prefix) {
        wm.stubFor(any(urlPathMatching(prefix + "/.*")).atPriority(1)
                .willReturn(aResponse().withFixedDelay(10_000).withStatus(200).withBody("[]")));
    }

    /** The service drops the connection. */
    public static void down(WireMockServer wm, String prefix) {
        wm.stubFor(any(urlPathMatching(prefix + "/.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    public static String run(String id, String service, String action, String status, String startedAt, String error) {
        boolean finished = !"running".equals(status);
        return "{\"id\":\"" + id + "\",\"project\":null,\"service\":\"" + service + "\",\"action\":\"" + action
                + "\",\"trigger\":\"timer\",\"actor\":\"timer\",\"status\":\"" + status + "\",\"startedAt\":\"" + startedAt
                + "\",\"finishedAt\":" + (finished ? "\"" + startedAt + "\"" : "null") + ",\"durationMs\":"
                + (finished ? "1200" : "null") + ",\"summary\":\"" + action + " " + status + "\",\"error\":"
                + (error == null ? "null" : error) + ",\"artifacts\":[],\"warnings\":[],\"parentRunId\":null}";
    }
}
