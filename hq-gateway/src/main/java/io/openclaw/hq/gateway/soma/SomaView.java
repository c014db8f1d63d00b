package io.openclaw.hq.gateway.soma;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * The Soma page as it is shown: either soma-sync-service's answer (status cards per workflow, the
 * credentials, the latest mirror diff and each product's latest change summary) or, when the
 * service cannot be read, {@code unavailable} saying why; the buttons are there either way.
 */
@TemplateData
public record SomaView(String unavailable, boolean configValid, List<String> configViolations, List<WorkflowCard> cards,
        List<String> warnings, String artifactUsage, String artifactTone, List<Credential> credentials, String schedule,
        MirrorDiff mirror, List<ProductChanges> changes, List<Button> buttons) {

    public SomaView {
        configViolations = configViolations == null ? List.of() : List.copyOf(configViolations);
        cards = cards == null ? List.of() : List.copyOf(cards);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
        changes = changes == null ? List.of() : List.copyOf(changes);
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    /** One allowlisted Soma action that starts a run. */
    @TemplateData
    public record Button(String action, String label, String description) {
    }

    /**
     * A workflow's card: its last run (status word and tone, when, summary or error, a link to its
     * run page), its last success when that is another run, counts, and the files of the last
     * success as links into the artifact browser.
     */
    @TemplateData
    public record WorkflowCard(String title, String action, String status, String tone, String when, String runLink,
            String outcome, String lastSuccess, String lastSuccessLink, String counts, List<ArtifactLink> artifacts) {

        public WorkflowCard {
            artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        }
    }

    @TemplateData
    public record ArtifactLink(String name, String href) {
    }

    /** A credential as status shows it: present or not, where from, masked and fingerprinted; never its value. */
    @TemplateData
    public record Credential(String name, boolean present, String source, String masked, String fingerprint) {
    }

    /** The newest mirror report as a table, or why there is none. */
    @TemplateData
    public record MirrorDiff(String missing, String runId, String runLink, String summary, String compared,
            List<Count> counts, List<MirrorRow> rows, String reportLink) {

        public MirrorDiff {
            counts = counts == null ? List.of() : List.copyOf(counts);
            rows = rows == null ? List.of() : List.copyOf(rows);
        }
    }

    @TemplateData
    public record Count(String kind, int count) {
    }

    /** One finding: its kind in words, module or lesson, each side's title and place (— when that side lacks it). */
    @TemplateData
    public record MirrorRow(String kind, String kindWords, String level, String source, String target, String detail) {
    }

    /** A product's latest good snapshot: what it changed, or why there is nothing to show. */
    @TemplateData
    public record ProductChanges(String product, String missing, String runId, String runLink, String summary,
            List<ChangeRow> rows) {

        public ProductChanges {
            rows = rows == null ? List.of() : List.copyOf(rows);
        }
    }

    @TemplateData
    public record ChangeRow(String change, String level, String title, String from, String to) {
    }
}
