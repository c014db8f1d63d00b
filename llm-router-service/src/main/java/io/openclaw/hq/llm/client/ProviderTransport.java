package io.openclaw.hq.llm.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.platform.secrets.SecretResolver;
import java.net.http.HttpClient;

/**
 * What every provider talks through: the non-blocking client for whole answers, the blocking JDK
 * client whose InputStream the stream relay reads line by line on a worker thread, the secrets
 * its key comes from, and the JSON mapper.
 */
public record ProviderTransport(UpstreamHttp whole, HttpClient streams, SecretResolver secrets, ObjectMapper json) {
}
