package vn.ocop.deploy;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small JSON client for the five services, as a mobile app or the trade office's tools would call them. Every call
 * returns the status, the parsed body and the headers; nothing is thrown for 4xx/5xx.
 */
public final class Api implements AutoCloseable {

    /** Where the services listen. */
    public record Urls(URI identity, URI catalog, URI orders, URI payments, URI traceability) {

        /**
         * The services on this machine at the run command's ports (8081 to 8085), or where {@code OCOP_<SERVICE>_URL}
         * says one is (e.g. {@code OCOP_CATALOG_URL=http://127.0.0.1:41234}), as for the end-to-end scenarios' services.
         */
        public static Urls local() {
            return new Urls(at("IDENTITY", 8081), at("CATALOG", 8082), at("ORDERS", 8083), at("PAYMENTS", 8084),
                    at("TRACEABILITY", 8085));
        }

        private static URI at(String service, int port) {
            String url = System.getenv("OCOP_" + service + "_URL");
            return URI.create(url == null || url.isBlank() ? "http://127.0.0.1:" + port : url.strip());
        }
    }

    /** A response: status, JSON body (empty when there is none or it is not JSON), headers. */
    public record Response(int status, Map<String, Object> body, io.micronaut.http.HttpHeaders headers) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public Object get(String field) {
            return body.get(field);
        }

        public String text(String field) {
            Object value = body.get(field);
            return value == null ? null : value.toString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final Urls urls;
    private final Map<URI, HttpClient> clients = new LinkedHashMap<>();

    public Api(Urls urls) {
        this.urls = urls;
    }

    public Urls urls() {
        return urls;
    }

    public Response get(URI service, String path, String token) {
        return send(service, HttpRequest.GET(path), token);
    }

    public Response post(URI service, String path, Object body, String token) {
        return send(service, HttpRequest.POST(path, body == null ? Map.of() : body), token);
    }

    public Response send(URI service, MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        BlockingHttpClient client = clients.computeIfAbsent(service, this::client).toBlocking();
        try {
            HttpResponse<byte[]> response = client.exchange(request, byte[].class);
            return new Response(response.code(), json(response.getBody().orElse(null)), response.getHeaders());
        } catch (HttpClientResponseException e) {
            return new Response(e.getStatus().getCode(), json(e.getResponse().getBody(byte[].class).orElse(null)),
                    e.getResponse().getHeaders());
        }
    }

    /** The body as JSON whatever its JSON media type ({@code application/problem+json} included); empty if not JSON. */
    private Map<String, Object> json(byte[] body) {
        if (body == null || body.length == 0) {
            return Map.of();
        }
        try {
            return JSON.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException notJson) {
            return Map.of();
        }
    }

    private HttpClient client(URI base) {
        try {
            HttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
            configuration.setReadTimeout(Duration.ofSeconds(30));
            configuration.setFollowRedirects(false);
            URL url = base.toURL();
            return HttpClient.create(url, configuration);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + base, e);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(HttpClient::close);
    }
}
