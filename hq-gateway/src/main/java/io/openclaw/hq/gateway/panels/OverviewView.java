package io.openclaw.hq.gateway.panels;

/** Everything the Overview page shows, one panel per backend answer. */
@io.quarkus.qute.TemplateData
public record OverviewView(Panel doctor, Panel guard, Panel guardLog, Panel llm, Panel aiConnections,
        Panel doctorChart, Panel spendChart, Panel notifications) {
}
