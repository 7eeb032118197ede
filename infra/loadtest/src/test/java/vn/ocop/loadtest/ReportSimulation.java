package vn.ocop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.holdFor;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.reachRps;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The trade office's reports under load (issue 7): an officer's token, fetched once, reads coverage (by commune, by
 * stars) and sales (by product, commune and month, over the last 12 and the last 24 months) in turn. Closed model:
 * {@code connections} users (default 4), each on its own keep-alive connection, send the eight reports one after
 * another without pause, first for {@code warmup} seconds (requests named "warm-up: ..."), then for {@code duration}
 * seconds; with {@code rps}, Gatling holds the request rate there instead. Before the warm-up, the CSV variants are
 * fetched once each ("csv: ..."). Every answer must be 200 with at least one row.
 */
public final class ReportSimulation extends Simulation {

    private final Settings settings = Settings.fromSystemProperties();
    private final int connections = Integer.getInteger("connections", 4);
    /** 0: as fast as the connections go; otherwise Gatling holds the whole run to this many requests per second. */
    private final int rps = Integer.getInteger("rps", 0);
    private final YearMonth to = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private final String token = new BenchmarkMarket(settings).login(settings.officer(), settings.officerPassword()).token();

    private final HttpProtocolBuilder protocol = http
            .baseUrl(settings.catalog())
            .acceptHeader("application/json")
            .header("Accept-Language", "vi")
            .authorizationHeader("Bearer " + token)
            .userAgentHeader("ocop-loadtest (Gatling)")
            .warmUp(settings.catalog() + "/health/readiness");

    {
        PopulationBuilder csv = CoreDsl.scenario("csv").exec(csvReports()).injectOpen(atOnceUsers(1));
        var setUp = setUp(csv.andThen(scenario("warm-up", "warm-up: ", settings.warmup())
                .injectOpen(atOnceUsers(connections))
                .andThen(scenario("measured", "", settings.duration())
                        .injectOpen(atOnceUsers(connections)))))
                .protocols(protocol);
        if (rps > 0) {
            setUp.throttle(reachRps(rps).in(1), holdFor(settings.warmup().plus(settings.duration()).plusSeconds(30)));
        }
    }

    private ScenarioBuilder scenario(String name, String prefix, Duration length) {
        List<ChainBuilder> reports = new ArrayList<>();
        for (String by : List.of("commune", "stars")) {
            reports.add(exec(json(http(prefix + "coverage by " + by).get("/api/v1/reports/coverage").queryParam("by", by))));
        }
        for (String by : List.of("product", "commune", "month")) {
            for (int months : List.of(12, 24)) {
                reports.add(exec(json(http(prefix + "sales by " + by + ", " + months + " months").get("/api/v1/reports/sales")
                        .queryParam("by", by).queryParam("from", to.minusMonths(months - 1).toString())
                        .queryParam("to", to.toString()))));
            }
        }
        return CoreDsl.scenario(name).during(length).on(exec(reports));
    }

    private static HttpRequestActionBuilder json(HttpRequestActionBuilder request) {
        return request.check(status().is(200), jsonPath("$.rows[0].key.code").exists());
    }

    /** The CSV downloads, once each: a header, at least one row, and the total line. */
    private ChainBuilder csvReports() {
        return exec(
                csv(http("csv: coverage by commune").get("/api/v1/reports/coverage.csv").queryParam("by", "commune")),
                csv(http("csv: sales by product, 24 months").get("/api/v1/reports/sales.csv").queryParam("by", "product")
                        .queryParam("from", to.minusMonths(23).toString()).queryParam("to", to.toString())));
    }

    private static HttpRequestActionBuilder csv(HttpRequestActionBuilder request) {
        return request.header("Accept", "text/csv")
                .check(status().is(200), bodyString().transform(body -> body.lines().count()).gte(3L));
    }
}
