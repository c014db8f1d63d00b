package io.openclaw.hq.notify.service;

import io.openclaw.hq.platform.sms.SmsAllowlist;

import io.openclaw.hq.notify.model.AlertRequest;
import io.openclaw.hq.notify.model.SmsRequest;
import io.openclaw.hq.platform.errors.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a request must hold before anything is decided. Every problem is named in one 400, so a
 * caller fixes its request in one go. Input over a limit is refused, never cut silently; only the
 * text sent to a channel is cut, with a marker.
 */
public final class RequestValidation {

    public static final Pattern CHECK_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");
    public static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    public static final int MAX_TITLE = 200;
    public static final int MAX_MESSAGE = 8000;

    private RequestValidation() {
    }

    public static void check(AlertRequest r) {
        if (r == null) {
            throw ProblemException.badRequest("a JSON body is required");
        }
        List<String> problems = new ArrayList<>();
        if (r.checkId() == null || !CHECK_ID.matcher(r.checkId()).matches()) {
            problems.add("checkId must be 1-128 of A-Z a-z 0-9 . _ : / -");
        }
        if (r.status() == null) {
            problems.add("status is required (FAIL, WARN or OK)");
        }
        if (r.severity() == null) {
            problems.add("severity is required (info, warning, critical or emergency)");
        }
        if (r.title() == null || r.title().isBlank()) {
            problems.add("title is required");
        } else if (r.title().length() > MAX_TITLE) {
            problems.add("title must be at most " + MAX_TITLE + " characters, was " + r.title().length());
        }
        if (r.message() != null && r.message().length() > MAX_MESSAGE) {
            problems.add("message must be at most " + MAX_MESSAGE + " characters, was " + r.message().length());
        }
        if (r.source() == null || !SOURCE.matcher(r.source()).matches()) {
            problems.add("source must be 1-64 of a-z 0-9 _ . - (the calling service, e.g. doctor)");
        }
        refuseIfAny(problems);
    }

    public static void check(SmsRequest r) {
        if (r == null) {
            throw ProblemException.badRequest("a JSON body is required");
        }
        List<String> problems = new ArrayList<>();
        if (r.to() == null || !SmsAllowlist.E164.matcher(r.to()).matches()) {
            problems.add("to must be an E.164 number such as +15551234567");
        }
        if (r.body() == null || r.body().isBlank()) {
            problems.add("body is required");
        } else if (r.body().length() > MAX_MESSAGE) {
            problems.add("body must be at most " + MAX_MESSAGE + " characters, was " + r.body().length());
        }
        refuseIfAny(problems);
    }

    private static void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
    }
}
