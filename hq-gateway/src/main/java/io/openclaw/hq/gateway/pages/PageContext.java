package io.openclaw.hq.gateway.pages;

import io.quarkus.qute.TemplateData;

/**
 * What the layout of every page needs: the active section, the CSRF token, who is logged in, and
 * the active SSH target ({@code config/targets.json}).
 */
@TemplateData
public record PageContext(String active, String csrf, String actor, String person, String target) {
}
