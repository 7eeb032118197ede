package vn.ocop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitHere;
import static io.gatling.javaapi.core.CoreDsl.exitHereIfFailed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The purchase of issue 2, step 4, under load: a buyer checks out one bag (one seller, VNPay), reads the checkout
 * every {@code poll} until payments' pay URL shows, VNPay notifies payments that the buyer paid (a signed IPN), and the
 * buyer reads the checkout until it is PAID. Open model: purchases start at a constant rate, whatever the system's
 * speed, after a warm-up that ramps up to that rate and is reported apart (group "warm-up").
 *
 * <p>Groups (their time is the group's duration: see gatling.conf): "checkout -> pay URL visible" from sending the
 * checkout to the first read that shows the pay URL; "checkout -> PAID" from sending the checkout to the first read
 * that shows PAID (it includes the IPN call).
 */
public final class PurchaseSimulation extends Simulation {

    static final String TO_PAY_URL = "checkout -> pay URL visible";
    static final String TO_PAID = "checkout -> PAID";
    private static final Logger LOG = LoggerFactory.getLogger(PurchaseSimulation.class);

    private final Settings settings = Settings.fromSystemProperties();
    private final VnPayIpn vnpay = new VnPayIpn(settings.vnpaySecret(), Clock.systemUTC());
    private final AtomicLong gaveUp = new AtomicLong();
    /** Filled by {@link #before()}; the feeder reads it only once the scenario runs. */
    private volatile BenchmarkMarket.Prepared market;

    private final HttpProtocolBuilder protocol = http
            .acceptHeader("application/json")
            .header("Accept-Language", "en")
            .userAgentHeader("ocop-loadtest (Gatling)")
            // Only the services on this machine are called: no warm-up request to anywhere else.
            .disableWarmUp()
            // The IPN query is already encoded exactly as VNPay encodes (and signs) it.
            .disableUrlEncoding();

    {
        LOG.info("PurchaseSimulation: {}", settings);
        ScenarioBuilder warmup = scenario("warm-up").feed(buyers()).group("warm-up").on(purchase());
        ScenarioBuilder measured = scenario("purchase").feed(buyers()).exec(purchase());
        setUp(warmup.injectOpen(rampUsersPerSec(1).to(settings.rate()).during(settings.warmup()))
                .andThen(measured.injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration()))))
                .protocols(protocol)
                .maxDuration(settings.warmup().plus(settings.duration()).plus(settings.patience()).plusSeconds(30))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details(TO_PAID).failedRequests().count().is(0L),
                        // every purchase started in the measured phase completed (none cut off by maxDuration)
                        details(TO_PAID).successfulRequests().count().gte((long) Math.floor(expectedPurchases() * 0.99)));
    }

    private double expectedPurchases() {
        return settings.rate() * settings.duration().toSeconds();
    }

    @Override
    public void before() {
        long start = System.nanoTime();
        market = new BenchmarkMarket(settings).prepare();
        LOG.info("benchmark market {} ready in {} ms: seller {}, product {}, sku {}, {} buyers logged in", market.runId(),
                (System.nanoTime() - start) / 1_000_000, market.sellerId(), market.productId(), market.skuId(),
                market.buyers().size());
        // the benchmark script measures steady-state CPU inside this window (the scenarios start right after before())
        long measuredFrom = System.currentTimeMillis() + settings.warmup().toMillis();
        LOG.info("OCOP-MEASURED-PHASE {} {}", measuredFrom, measuredFrom + settings.duration().toMillis());
    }

    @Override
    public void after() {
        if (gaveUp.get() > 0) {
            LOG.warn("{} purchases gave up waiting after {} s", gaveUp.get(), settings.patience().toSeconds());
        }
    }

    /** Buyers in turn, forever (several purchases of one buyer may run at once, as with a busy household). */
    private Iterator<Map<String, Object>> buyers() {
        AtomicLong next = new AtomicLong();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                var buyers = market.buyers();
                var buyer = buyers.get((int) (next.getAndIncrement() % buyers.size()));
                return Map.of("token", buyer.token(), "checkoutBody", market.checkoutBody());
            }
        };
    }

    private ChainBuilder purchase() {
        return exec(session -> session.set("idempotencyKey", UUID.randomUUID().toString()).remove("etag"))
                .group(TO_PAID).on(
                        group(TO_PAY_URL).on(
                                exec(http("POST checkout").post(settings.orders() + "/api/v1/checkouts")
                                        .header("Authorization", "Bearer #{token}")
                                        .header("Idempotency-Key", "#{idempotencyKey}")
                                        .body(StringBody("#{checkoutBody}")).asJson()
                                        .check(status().is(201), jsonPath("$.id").saveAs("checkoutId"),
                                                header("ETag").optional().saveAs("etag"))),
                                exitHereIfFailed(),
                                awaitCheckout("GET checkout (awaiting pay URL)", "$.payment.action.url", "payUrl",
                                        "payUrlVisible", url -> url != null),
                                giveUpUnless("payUrlVisible")),
                        exec(session -> session.set("ipnQuery", vnpay.paidQuery(session.getString("payUrl")))),
                        exec(http("GET VNPay IPN").get(settings.payments() + "/payments/vnpay/ipn?#{ipnQuery}")
                                .check(status().is(200), jsonPath("$.RspCode").is("00"))),
                        exitHereIfFailed(),
                        awaitCheckout("GET checkout (awaiting PAID)", "$.status", "status", "paid", "PAID"::equals),
                        giveUpUnless("paid"));
    }

    /**
     * Reads the checkout every {@code poll} until the field at {@code path} (saved as {@code saveAs}) satisfies
     * {@code done}, which sets {@code doneKey}; stops early when the checkout is rejected, and when patience ends.
     */
    private ChainBuilder awaitCheckout(String request, String path, String saveAs, String doneKey, Predicate<String> done) {
        return settings.poll().isZero()
                ? awaitChange(request, path, saveAs, doneKey, done)
                : poll(request, path, saveAs, doneKey, done);
    }

    /** Polling: reads the checkout every {@code poll}. */
    private ChainBuilder poll(String request, String path, String saveAs, String doneKey, Predicate<String> done) {
        return exec(session -> session.remove(saveAs).remove(doneKey))
                .exec(asLongAsDuring(session -> !session.contains(doneKey) && !rejected(session), settings.patience()).on(
                        pause(settings.poll()),
                        exec(http(request).get(settings.orders() + "/api/v1/checkouts/#{checkoutId}")
                                .header("Authorization", "Bearer #{token}")
                                .check(status().is(200), jsonPath("$.status").saveAs("checkoutStatus"),
                                        jsonPath(path).optional().saveAs(saveAs))),
                        exitHereIfFailed(),
                        exec(session -> done.test(session.getString(saveAs)) ? session.set(doneKey, true) : session)));
    }

    /**
     * Waiting reads, as a buyer's app would make them: each read names the checkout revision it has seen
     * ({@code If-None-Match}) and asks the server to wait up to 10 s for the next one ({@code Prefer: wait=10}); the
     * answer is the changed checkout (200) or 304 when nothing changed.
     */
    private ChainBuilder awaitChange(String request, String path, String saveAs, String doneKey, Predicate<String> done) {
        return exec(session -> session.remove(saveAs).remove(doneKey))
                .exec(session -> session.contains("etag") ? session : session.set("etag", "\"-1\""))
                .exec(asLongAsDuring(session -> !session.contains(doneKey) && !rejected(session), settings.patience()).on(
                        exec(http(request).get(settings.orders() + "/api/v1/checkouts/#{checkoutId}")
                                .header("Authorization", "Bearer #{token}")
                                .header("If-None-Match", "#{etag}")
                                .header("Prefer", "wait=10")
                                .check(status().in(200, 304), header("ETag").saveAs("etag"),
                                        jsonPath("$.status").optional().saveAs("checkoutStatus"),
                                        jsonPath(path).optional().saveAs(saveAs))),
                        exitHereIfFailed(),
                        exec(session -> done.test(session.getString(saveAs)) ? session.set(doneKey, true) : session)));
    }

    private static boolean rejected(Session session) {
        return "REJECTED".equals(session.getString("checkoutStatus"));
    }

    /** Fails the purchase (and so its groups) when the awaited state never came. */
    private ChainBuilder giveUpUnless(String doneKey) {
        return doIf(session -> !session.contains(doneKey)).then(
                exec(session -> {
                    gaveUp.incrementAndGet();
                    LOG.warn("checkout {} is {} and never reached '{}' within {} s", session.getString("checkoutId"),
                            session.getString("checkoutStatus"), doneKey, settings.patience().toSeconds());
                    return session.markAsFailed();
                }),
                exitHere());
    }
}
