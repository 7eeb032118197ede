package vn.ocop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.holdFor;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.reachRps;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public resolver under load, as issue 6's benchmark asks: what a phone opens when it scans a label. Before the
 * run (set-up, not measured) a new seller lists a product with a GTIN through the public APIs, registers {@code lots}
 * lots of it in traceability (default 200) and numbers {@code serials} bags of the first lot (default 2,000). Then,
 * closed model: {@code connections} users (default 8), each on its own keep-alive connection, resolve one GS1 Digital
 * Link after another, taken in turn from the lots ({@code resolver.scenario=json}, {@code html} or {@code linkset}: the
 * Accept header a program, a browser or a GS1 client sends) or from the serialised bags ({@code serial}, JSON), first
 * for {@code warmup} seconds (requests named "warm-up: ..."), then for {@code duration} seconds; with {@code rps},
 * Gatling holds the request rate there instead. Every resolution is a scan the service logs.
 */
public final class ResolverSimulation extends Simulation {

    private static final Logger LOG = LoggerFactory.getLogger(ResolverSimulation.class);

    private final Settings settings = Settings.fromSystemProperties();
    private final String traceability = System.getProperty("traceability.url", "http://127.0.0.1:8085");
    private final String mode = System.getProperty("resolver.scenario", "json");
    private final int connections = Integer.getInteger("connections", 8);
    private final int lotCount = Integer.getInteger("lots", 200);
    private final int serialCount = Integer.getInteger("serials", 2000);
    /** 0: as fast as the connections go; otherwise Gatling holds the whole run to this many requests per second. */
    private final int rps = Integer.getInteger("rps", 0);
    private final JsonApi api = new JsonApi();

    {
        List<Map<String, Object>> codes = prepare();
        HttpProtocolBuilder protocol = http
                .baseUrl(traceability)
                .acceptHeader(switch (mode) {
                    case "html" -> "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
                    case "linkset" -> "application/linkset+json";
                    default -> "application/json";
                })
                .header("Accept-Language", "vi-VN,vi;q=0.9")
                .userAgentHeader("Mozilla/5.0 (Linux; Android 14) ocop-loadtest (Gatling)")
                .warmUp(traceability + "/health/readiness");
        var setUp = setUp(scenario("warm-up", "warm-up: ", settings.warmup(), codes)
                .injectOpen(atOnceUsers(connections))
                .andThen(scenario("measured", "", settings.duration(), codes)
                        .injectOpen(atOnceUsers(connections))))
                .protocols(protocol);
        if (rps > 0) {
            setUp.throttle(reachRps(rps).in(1), holdFor(settings.warmup().plus(settings.duration()).plusSeconds(5)));
        }
    }

    private ScenarioBuilder scenario(String name, String prefix, Duration length, List<Map<String, Object>> codes) {
        var resolve = exec(http(prefix + "resolve (" + mode + ")").get("#{path}")
                .check(status().is(200), substring("#{code}").exists()));
        return CoreDsl.scenario(name).during(length).on(CoreDsl.feed(listFeeder(codes).circular()).exec(resolve));
    }

    /** The benchmark's lots (and bags), each as the path its label's QR code carries and the code the answer names. */
    private List<Map<String, Object>> prepare() {
        long start = System.nanoTime();
        var market = new BenchmarkMarket(settings);
        String gtin = randomGtin13();
        var listed = market.listedProduct(gtin);
        String token = listed.seller().token();
        String prefix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36).toUpperCase();
        List<String> lots = new ArrayList<>();
        for (int i = 1; i <= lotCount; i++) {
            String code = "RB" + prefix + "-" + i;
            var body = Map.of("productId", listed.productId(), "code", code, "quantity", new BigDecimal("5000"), "unit", "kg",
                    "harvestDate", "2026-11-01");
            // the first registration also waits for traceability to learn of the product from catalog's event
            var registered = i > 1 ? api.post(traceability + "/api/v1/lots", body, token)
                    : BenchmarkMarket.await("traceability to accept lots of the benchmark product", () -> {
                        var r = api.post(traceability + "/api/v1/lots", body, token);
                        return r.status() == 201 ? r : null;
                    });
            registered.require(registered.status() == 201, "registering lot " + code);
            lots.add(code);
        }
        String gtin14 = "0" + gtin;
        List<Map<String, Object>> codes = new ArrayList<>();
        if (mode.equals("serial")) {
            String lot = lots.getFirst();
            var packing = api.post(traceability + "/api/v1/lots/" + lot + "/packings", Map.of("unitCount", serialCount,
                    "unitSize", 2, "packaging", "túi 2 kg"), token);
            packing.require(packing.status() == 201, "packing lot " + lot);
            for (int left = serialCount; left > 0; left -= 5000) {
                var generated = api.post(traceability + "/api/v1/lots/" + lot + "/packings/" + packing.text("id") + "/serials",
                        Map.of("count", Math.min(left, 5000)), token);
                generated.require(generated.status() == 201, "numbering bags of " + lot);
                generated.body().path("serials").forEach(serial -> codes.add(Map.of(
                        "path", "/01/" + gtin14 + "/10/" + lot + "/21/" + serial.path("serial").asText(),
                        "code", serial.path("serial").asText())));
            }
        } else {
            lots.forEach(lot -> codes.add(Map.of("path", "/01/" + gtin14 + "/10/" + lot, "code", lot)));
        }
        LOG.info("resolver benchmark {} ready in {} ms: product {} (GTIN {}), {} lots, {} codes to resolve ({})",
                market.runId(), (System.nanoTime() - start) / 1_000_000, listed.productId(), gtin, lots.size(), codes.size(), mode);
        return codes;
    }

    /** A GTIN-13 under Vietnam's GS1 prefix 893 with nine random digits and its check digit. */
    static String randomGtin13() {
        StringBuilder digits = new StringBuilder("893");
        for (int i = 0; i < 9; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }
}
