package io.openclaw.hq.gateway.artifacts;

import io.openclaw.hq.gateway.pages.ErrorPages;
import io.openclaw.hq.gateway.pages.PageContext;
import io.openclaw.hq.gateway.pages.PageContexts;
import io.openclaw.hq.platform.errors.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Artifacts: browse the tree read-only, preview text (capped, and saying so), download. The raw
 * request path is checked before decoding, so encoded dots, slashes and backslashes are refused.
 */
@Path("/artifacts")
public class ArtifactsPage {

    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2e|2f|5c|25|00)", Pattern.CASE_INSENSITIVE);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance artifacts(PageContext ctx, String path, List<Crumb> crumbs,
                List<ArtifactEntry> entries, ArtifactPreview preview);
    }

    /** One step of the breadcrumb. */
    @io.quarkus.qute.TemplateData
    public record Crumb(String name, String path) {
    }

    private final ArtifactBrowser browser;
    private final PageContexts contexts;
    private final ErrorPages errors;

    public ArtifactsPage(ArtifactBrowser browser, PageContexts contexts, ErrorPages errors) {
        this.browser = browser;
        this.contexts = contexts;
        this.errors = errors;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance root() {
        java.nio.file.Path root = browser.resolve("");
        return Templates.artifacts(contexts.of("artifacts"), "", List.of(), browser.list(root), null);
    }

    @GET
    @Path("/{path: .+}")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_OCTET_STREAM})
    public Response view(@PathParam("path") String path, @QueryParam("download") String download,
            @Context UriInfo uri) {
        try {
            return show(path, download, uri);
        } catch (ProblemException e) {
            // a person followed a link: say what is wrong in words, with the way back
            return errors.of("artifacts", e, "/artifacts", "Back to the artifacts");
        }
    }

    private Response show(String path, String download, UriInfo uri) {
        String raw = uri.getRequestUri().getRawPath();
        if (ENCODED_SEPARATOR.matcher(raw).find()) {
            throw ProblemException.badRequest("path leaves the artifact root: encoded dots, slashes or backslashes are refused");
        }
        java.nio.file.Path target = browser.resolve(path);
        String rel = browser.relative(target);
        if (download != null) {
            if (browser.isDirectory(target)) {
                throw ProblemException.badRequest("a folder cannot be downloaded");
            }
            String name = target.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            return Response.ok(target.toFile(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .header("X-Content-Type-Options", "nosniff").build();
        }
        TemplateInstance page = browser.isDirectory(target)
                ? Templates.artifacts(contexts.of("artifacts"), rel, crumbs(rel), browser.list(target), null)
                : Templates.artifacts(contexts.of("artifacts"), rel, crumbs(rel), List.of(), browser.preview(target));
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    static List<Crumb> crumbs(String rel) {
        List<Crumb> crumbs = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (String segment : rel.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            path.append(path.length() == 0 ? "" : "/").append(segment);
            crumbs.add(new Crumb(segment, path.toString()));
        }
        return crumbs;
    }

}
