package vn.ocop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VNPay's IPN under load (issue 5's benchmark): before the load, buyers check out one bag each through orders and
 * payments opens a VNPay session for every checkout (set-up, not measured); then VNPay's signed IPNs arrive at
 * {@code rate} per second, one per session ("VNPay IPN"), and, spread over the measured phase, {@code bursts} times ten
 * identical copies of one session's IPN at once ("VNPay IPN, 10 copies at once"): each burst must be answered
 * {@code 00} exactly once (the others {@code 02}, already confirmed), which the simulation counts and logs as
 * {@code OCOP-DUPLICATES}; the benchmark script also counts the PaymentSucceeded events in payments' outbox.
 */
public final class IpnSimulation extends Simulation {

    private static final Logger LOG = LoggerFactory.getLogger(IpnSimulation.class);
    private static final int COPIES = 10;
    private static final int OPENING_CONCURRENCY = 16;

    private final Settings settings = Settings.fromSystemProperties();
    private final int bursts = Integer.getInteger("bursts", 20);
    private final VnPayIpn vnpay = new VnPayIpn(settings.vnpaySecret(), Clock.systemUTC());
    private final JsonApi api = new JsonApi();
    private final ObjectMapper json = new ObjectMapper();
    /** The signed IPN of each session opened for single notifications, taken once each. */
    private final ConcurrentLinkedQueue<String> singles = new ConcurrentLinkedQueue<>();
    /** The signed IPN of each session opened for a burst of copies. */
    private final List<String> burstIpns = new ArrayList<>();
    /** Per burst session: how many copies were answered 00. */
    private final Map<String, AtomicInteger> confirmed = new ConcurrentHashMap<>();

    private final HttpProtocolBuilder protocol = http
            .acceptHeader("application/json")
            .userAgentHeader("ocop-loadtest (Gatling)")
            .disableWarmUp()
            // the IPN query is already encoded exactly as VNPay encodes (and signs) it
            .disableUrlEncoding();

    {
        LOG.info("IpnSimulation: {} bursts={}", settings, bursts);
        Duration gap = settings.duration().dividedBy(bursts + 1);
        List<OpenInjectionStep> burstSteps = new ArrayList<>();
        burstSteps.add(nothingFor(settings.warmup().plus(gap)));
        for (int i = 0; i < bursts; i++) {
            burstSteps.add(atOnceUsers(COPIES));
            burstSteps.add(nothingFor(gap));
        }
        setUp(
                scenario("warm-up").feed(singles()).group("warm-up").on(single())
                        .injectOpen(rampUsersPerSec(1).to(settings.rate()).during(settings.warmup()))
                        .andThen(scenario("IPN").feed(singles()).exec(single())
                                .injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration()))),
                scenario("duplicates").feed(copies()).exec(copy()).injectOpen(burstSteps))
                .protocols(protocol)
                .maxDuration(settings.warmup().plus(settings.duration()).plus(settings.patience()))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        long start = System.nanoTime();
        BenchmarkMarket.Prepared market = new BenchmarkMarket(settings).prepare();
        // the ramp from 1 to rate/s, the constant rate, and a second's worth to spare
        int single = (int) Math.ceil((1 + settings.rate()) / 2 * settings.warmup().toSeconds()
                + settings.rate() * (settings.duration().toSeconds() + 1));
        List<String> ipns = openSessions(market, single + bursts);
        singles.addAll(ipns.subList(0, single));
        burstIpns.addAll(ipns.subList(single, single + bursts));
        LOG.info("{} VNPay sessions opened for the IPN benchmark in {} ms ({} for bursts of {} copies)", ipns.size(),
                (System.nanoTime() - start) / 1_000_000, bursts, COPIES);
        long measuredFrom = System.currentTimeMillis() + settings.warmup().toMillis();
        LOG.info("OCOP-MEASURED-PHASE {} {}", measuredFrom, measuredFrom + settings.duration().toMillis());
    }

    @Override
    public void after() {
        long once = confirmed.values().stream().filter(n -> n.get() == 1).count();
        LOG.info("OCOP-DUPLICATES bursts={} copies={} confirmed-exactly-once={} answers-00={}", bursts, COPIES, once,
                confirmed.values().stream().mapToInt(AtomicInteger::get).sum());
    }

    private ChainBuilder single() {
        return exec(http("VNPay IPN").get(settings.payments() + "/payments/vnpay/ipn?#{ipn}")
                .check(status().is(200), jsonPath("$.RspCode").is("00")));
    }

    private ChainBuilder copy() {
        return exec(http("VNPay IPN, 10 copies at once").get(settings.payments() + "/payments/vnpay/ipn?#{ipn}")
                .check(status().is(200), jsonPath("$.RspCode").in("00", "02").saveAs("rsp")))
                .exec(session -> {
                    if ("00".equals(session.getString("rsp"))) {
                        confirmed.get(session.getString("ipn")).incrementAndGet();
                    }
                    return session;
                });
    }

    /** Each single session once; the feeder fails the user (and so the run) if the set-up opened too few. */
    private Iterator<Map<String, Object>> singles() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                String ipn = singles.poll();
                if (ipn == null) {
                    throw new IllegalStateException("more IPNs asked for than sessions were opened");
                }
                return Map.of("ipn", ipn);
            }
        };
    }

    /** Each burst session, {@link #COPIES} times in a row: one burst of users takes one session. */
    private Iterator<Map<String, Object>> copies() {
        AtomicInteger next = new AtomicInteger();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return next.get() < burstIpns.size() * COPIES;
            }

            @Override
            public Map<String, Object> next() {
                return Map.of("ipn", burstIpns.get(next.getAndIncrement() / COPIES));
            }
        };
    }

    /** Checks out one bag per session (buyers in turn) and waits for each pay URL; returns each session's signed IPN. */
    private List<String> openSessions(BenchmarkMarket.Prepared market, int count) {
        Semaphore slots = new Semaphore(OPENING_CONCURRENCY);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> opened = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                var buyer = market.buyers().get(i % market.buyers().size());
                opened.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return vnpay.paidQuery(payUrl(buyer.token(), market.checkoutBody()));
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<String> ipns = new ArrayList<>();
            for (Future<String> ipn : opened) {
                ipns.add(ipn.get());
            }
            ipns.forEach(ipn -> confirmed.putIfAbsent(ipn, new AtomicInteger()));
            return ipns;
        } catch (Exception e) {
            throw new IllegalStateException("opening the benchmark's VNPay sessions failed", e);
        }
    }

    private String payUrl(String token, String checkoutBody) throws Exception {
        var placed = api.post(settings.orders() + "/api/v1/checkouts", json.readTree(checkoutBody), token,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).requireOk("checkout");
        String id = placed.text("id");
        String etag = placed.header("ETag") == null ? "\"-1\"" : placed.header("ETag");
        Instant deadline = Instant.now().plus(settings.patience());
        while (Instant.now().isBefore(deadline)) {
            var read = api.get(settings.orders() + "/api/v1/checkouts/" + id, token,
                    Map.of("If-None-Match", etag, "Prefer", "wait=10"));
            if (read.status() == 200) {
                String url = read.body().path("payment").path("action").path("url").asText(null);
                if (url != null) {
                    return url;
                }
                if ("REJECTED".equals(read.text("status"))) {
                    throw new IllegalStateException("checkout " + id + " was rejected: " + read.body());
                }
                etag = read.header("ETag") == null ? etag : read.header("ETag");
            } else if (read.status() != 304) {
                throw new IllegalStateException("reading checkout " + id + ": HTTP " + read.status() + " " + read.body());
            }
        }
        throw new IllegalStateException("checkout " + id + " showed no pay URL within " + settings.patience().toSeconds() + " s");
    }
}
