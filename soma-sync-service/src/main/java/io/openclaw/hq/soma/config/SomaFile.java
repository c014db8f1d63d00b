package io.openclaw.hq.soma.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Optional;

/** config/soma.json, bound after config/soma.schema.json has accepted it. */
@RegisterForReflection
public record SomaFile(Kajabi kajabi, List<Product> products, Mirror mirror, Gmail gmail, Schedule schedule,
        Retention retention, BrowserFallback browserFallback) {

    public static final String FILE_NAME = "soma.json";

    @RegisterForReflection
    public record Kajabi(String baseUrl, String tokenPath, String coursesPath, String lessonsPath, Integer pageSize,
            Integer requestTimeoutSeconds, Integer maxRetryAfterSeconds, Integer maxThrottledRetries,
            Integer tokenRefreshSkewSeconds, Integer maxPages) {

        public int pageSizeOrDefault() {
            return pageSize == null ? 50 : pageSize;
        }

        public int requestTimeoutOrDefault() {
            return requestTimeoutSeconds == null ? 30 : requestTimeoutSeconds;
        }

        public int maxRetryAfterOrDefault() {
            return maxRetryAfterSeconds == null ? 60 : maxRetryAfterSeconds;
        }

        public int maxThrottledRetriesOrDefault() {
            return maxThrottledRetries == null ? 5 : maxThrottledRetries;
        }

        public int tokenRefreshSkewOrDefault() {
            return tokenRefreshSkewSeconds == null ? 60 : tokenRefreshSkewSeconds;
        }

        public int maxPagesOrDefault() {
            return maxPages == null ? 2000 : maxPages;
        }

        public Kajabi withBaseUrl(String url) {
            return new Kajabi(url, tokenPath, coursesPath, lessonsPath, pageSize, requestTimeoutSeconds,
                    maxRetryAfterSeconds, maxThrottledRetries, tokenRefreshSkewSeconds, maxPages);
        }
    }

    @RegisterForReflection
    public record Product(String name, String slug, String kajabiProductId) {
    }

    @RegisterForReflection
    public record Mirror(String source, String target) {
    }

    @RegisterForReflection
    public record Gmail(String host, int port, boolean ssl, String folder, String query, Integer timeoutSeconds,
            Integer maxAttachmentMegabytes) {

        public int timeoutOrDefault() {
            return timeoutSeconds == null ? 60 : timeoutSeconds;
        }

        public long maxAttachmentBytes() {
            return (maxAttachmentMegabytes == null ? 2048L : maxAttachmentMegabytes) * 1024 * 1024;
        }

        public Gmail withServer(String newHost, int newPort) {
            return new Gmail(newHost, newPort, ssl, folder, query, timeoutSeconds, maxAttachmentMegabytes);
        }
    }

    @RegisterForReflection
    public record Schedule(String cron, List<String> workflows) {
    }

    @RegisterForReflection
    public record Retention(int keepRunsPerWorkflow, long sizeCapMegabytes) {
    }

    /**
     * The headless-Chromium fallback: when {@code enabled}, snapshots read the Kajabi admin pages with
     * the stored session (secret kajabi_session_token, set as a cookie through the driver) instead of
     * the public API, into the same snapshot.json. Off (or absent) by default.
     */
    @RegisterForReflection
    public record BrowserFallback(boolean enabled, String adminUrl, String productPath, String coursePath,
            String sessionCookie, String chromium, String chromedriver, Integer pageTimeoutSeconds) {

        public String productPathOrDefault() {
            return productPath == null ? "/admin/products/{productId}" : productPath;
        }

        public String coursePathOrDefault() {
            return coursePath == null ? "/admin/courses/{courseId}" : coursePath;
        }

        public String sessionCookieOrDefault() {
            return sessionCookie == null ? "_kjb_session" : sessionCookie;
        }

        public String chromiumOrDefault() {
            return chromium == null ? "/usr/bin/chromium" : chromium;
        }

        public String chromedriverOrDefault() {
            return chromedriver == null ? "/usr/bin/chromedriver" : chromedriver;
        }

        public int pageTimeoutOrDefault() {
            return pageTimeoutSeconds == null ? 60 : pageTimeoutSeconds;
        }
    }

    /** Whether snapshots go through the admin pages in headless Chromium rather than the API. */
    public boolean browserSnapshots() {
        return browserFallback != null && browserFallback.enabled();
    }

    /** The product named by its display name or its slug, exactly. */
    public Optional<Product> product(String nameOrSlug) {
        return products.stream().filter(p -> p.name().equals(nameOrSlug) || p.slug().equals(nameOrSlug)).findFirst();
    }
}
