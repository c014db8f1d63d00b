package io.openclaw.hq.gateway.artifacts;

/**
 * The start of a file for the page. {@code truncated} says the file is longer than the preview
 * cap ({@code shownBytes} of {@code totalBytes}); binary files get no text at all.
 */
@io.quarkus.qute.TemplateData
public record ArtifactPreview(String path, String text, boolean binary, boolean truncated, long shownBytes,
        long totalBytes) {
}
