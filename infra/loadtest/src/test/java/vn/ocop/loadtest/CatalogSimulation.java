package vn.ocop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.holdFor;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.reachRps;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalogue's two hot reads under load, as issue 3's benchmark asks: {@code catalog.scenario=search} searches
 * "gạo ST25" (the {@code query} property), {@code detail} reads product pages (2,000 different products, taken from
 * the catalogue before the run, in turn). Closed model: {@code connections} users (default 8), each on its own
 * keep-alive connection, send one request after another without pause, first for {@code warmup} seconds (requests
 * named "warm-up: ..."), then for {@code duration} seconds: throughput is what the system sustains; with {@code rps},
 * Gatling holds the request rate there instead, to read the latencies at that rate.
 */
public final class CatalogSimulation extends Simulation {

    private final Settings settings = Settings.fromSystemProperties();
    private final String mode = System.getProperty("catalog.scenario", "search");
    private final int connections = Integer.getInteger("connections", 8);
    /** URL-encoded on the command line, so that no shell or JVM charset can mangle it. */
    private final String query = URLDecoder.decode(System.getProperty("query", "g%E1%BA%A1o%20ST25"), StandardCharsets.UTF_8);
    /** 0: as fast as the connections go; otherwise Gatling holds the whole run to this many requests per second. */
    private final int rps = Integer.getInteger("rps", 0);
    private final List<Map<String, Object>> products = new ArrayList<>();

    private final HttpProtocolBuilder protocol = http
            .baseUrl(settings.catalog())
            .acceptHeader("application/json")
            .header("Accept-Language", "vi")
            .userAgentHeader("ocop-loadtest (Gatling)")
            .warmUp(settings.catalog() + "/health/readiness");

    {
        if (mode.equals("detail")) {
            loadProductIds();
        }
        var setUp = setUp(scenario("warm-up", "warm-up: ", settings.warmup())
                .injectOpen(atOnceUsers(connections))
                .andThen(scenario("measured", "", settings.duration())
                        .injectOpen(atOnceUsers(connections))))
                .protocols(protocol);
        if (rps > 0) {
            setUp.throttle(reachRps(rps).in(1), holdFor(settings.warmup().plus(settings.duration()).plusSeconds(5)));
        }
    }

    private ScenarioBuilder scenario(String name, String prefix, Duration length) {
        ChainBuilder read = mode.equals("detail")
                ? exec(http(prefix + "product detail").get("/api/v1/products/#{productId}")
                        .check(status().is(200), jsonPath("$.skus[0].id").exists()))
                : exec(http(prefix + "search " + query).get("/api/v1/products").queryParam("q", query)
                        .check(status().is(200), jsonPath("$.items[0].productId").exists()));
        ScenarioBuilder scenario = CoreDsl.scenario(name);
        return mode.equals("detail")
                ? scenario.during(length).on(CoreDsl.feed(listFeeder(products).circular()).exec(read))
                : scenario.during(length).on(read);
    }

    /** 2,000 products on sale, newest first, read page by page before the run. */
    private void loadProductIds() {
        JsonApi api = new JsonApi();
        String cursor = null;
        while (products.size() < 2000) {
            var page = api.get(settings.catalog() + "/api/v1/products?sort=NEWEST&limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), null).requireOk("listing products");
            page.body().path("items").forEach(item -> products.add(Map.of("productId", item.path("productId").asText())));
            cursor = page.text("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        if (products.isEmpty()) {
            throw new IllegalStateException("the catalogue is empty: run ScaleCatalog first");
        }
    }
}
