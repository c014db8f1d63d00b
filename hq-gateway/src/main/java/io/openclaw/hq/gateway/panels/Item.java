package io.openclaw.hq.gateway.panels;

import java.util.List;

/**
 * One entry of a panel's list, such as a doctor check, a guard run, a provider or a delivery:
 * its name, a verdict word with its tone, one line saying what it is, further facts line by line,
 * and what to do about it when something is wrong.
 */
@io.quarkus.qute.TemplateData
public record Item(String title, String verdict, String tone, String summary, List<String> details, String remediation) {

    public Item {
        details = details == null ? List.of() : details.stream().filter(d -> d != null && !d.isBlank()).toList();
        tone = tone == null ? "" : tone;
    }
}
