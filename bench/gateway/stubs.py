#!/usr/bin/env python3
"""Writes WireMock mappings for the five backends of hq-gateway, each under its own path prefix,
shaped like their documented APIs: 50 runs per feed, a doctor report, guard status and log, LLM
status and spend. Usage: stubs.py <wiremock root dir>"""
import json
import os
import sys

root = sys.argv[1]
mappings = os.path.join(root, "mappings")
os.makedirs(mappings, exist_ok=True)
count = 0


def stub(path, body, query=False):
    global count
    count += 1
    request = {"method": "ANY", "urlPath" if query else "url": path}
    if query:
        request["method"] = "GET"
    with open(os.path.join(mappings, f"stub-{count:03d}.json"), "w") as f:
        json.dump({"request": request, "response": {"status": 200, "jsonBody": body,
                                                    "headers": {"Content-Type": "application/json"}}}, f)


def runs(service, action):
    out = []
    for i in range(50):
        hour, minute = divmod(i, 60)
        out.append({"id": f"20260216T{10 - hour:02d}{59 - minute:02d}00Z-{service[:3]}{i:03d}", "project": None,
                    "service": service, "action": action, "trigger": "timer", "actor": "timer",
                    "status": "failure" if i % 7 == 3 else "success",
                    "startedAt": f"2026-02-16T{10 - hour:02d}:{59 - minute:02d}:00Z",
                    "finishedAt": f"2026-02-16T{10 - hour:02d}:{59 - minute:02d}:02Z", "durationMs": 2000,
                    "summary": f"{action} done", "error": "check failed" if i % 7 == 3 else None,
                    "artifacts": [], "warnings": [], "parentRunId": None})
    return out


for service, action in [("doctor-service", "guard"), ("llm-router-service", "llm_doctor"),
                        ("notify-service", "alert"), ("soma-sync-service", "soma_snapshot_home"),
                        ("runner-service", "repo_review")]:
    stub(f"/{service}/runs", runs(service, action), query=True)

stub("/doctor-service/doctor/reports", [{"status": "PASS", "finishedAt": "2026-02-16T10:00:05Z", "checks": [
    {"name": n, "status": "PASS", "detail": "ok"} for n in
    ["tailscale", "compose", "api_healthz", "public_ports", "docker_ports", "disk", "keys", "console_bind", "guard_timer"]]}],
     query=True)
stub("/doctor-service/doctor/history", {"days": [{"date": f"2026-02-{d:02d}", "pass": 24, "fail": d % 3} for d in range(10, 17)]},
     query=True)
stub("/doctor-service/guard/status", {"timer": "active", "intervalMinutes": 10, "lastResult": "PASS"}, query=True)
stub("/doctor-service/guard/log", {"lines": [f"2026-02-16T09:{m:02d}:00Z PASS guard" for m in range(0, 60, 3)]}, query=True)
stub("/llm-router-service/v1/status", {"providers": [
    {"name": "openai", "enabled": True, "configured": True, "state": "OK", "masked": "sk-…abcd", "fingerprint": "sha256:0123456789abcdef"},
    {"name": "mistral", "enabled": True, "configured": True, "state": "OK", "masked": "…wxyz", "fingerprint": "sha256:fedcba9876543210"}],
    "reviewGate": {"provider": "openai", "model": "gpt-4o-mini"}, "config": {"valid": True}}, query=True)
stub("/llm-router-service/v1/spend", {"totalUsd": 4.2, "days": [{"date": f"2026-01-{d:02d}", "usd": 0.14} for d in range(1, 31)]},
     query=True)
print(f"{count} stubs in {mappings}")
