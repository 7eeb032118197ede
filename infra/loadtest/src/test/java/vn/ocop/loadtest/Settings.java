package vn.ocop.loadtest;

import java.time.Duration;

/**
 * What a benchmark run can be told, as system properties (the benchmark script and {@code mvn gatling:test} pass
 * them on): {@code -Drate=5 -Dduration=60 -Dwarmup=15 -Dbuyers=20}, and where the services are.
 *
 * @param rate         purchases started per second during the measured phase (open model)
 * @param duration     length of the measured phase
 * @param warmup       length of the warm-up phase before it (rate ramps from 1/s up to {@code rate}; reported apart)
 * @param buyers       how many buyer accounts share the load (each logs in once)
 * @param poll         pause between two reads of a checkout while waiting for it to change
 * @param patience     how long one purchase may wait for the pay URL or for PAID before it counts as failed
 * @param identity     identity's base URL
 * @param catalog      catalog's base URL
 * @param orders       orders' base URL
 * @param payments     payments' base URL (the IPN goes to {@code /payments/vnpay/ipn} there)
 * @param officer      login of an officer of the benchmark seller's province (the demo data's officer)
 * @param officerPassword that officer's password
 * @param vnpaySecret  the VNPay hash secret payments runs with (its development default unless told otherwise)
 */
record Settings(double rate, Duration duration, Duration warmup, int buyers, Duration poll, Duration patience,
                String identity, String catalog, String orders, String payments, String officer, String officerPassword,
                String vnpaySecret) {

    /** Access tokens live 15 minutes and are fetched once, before the run. */
    static final Duration TOKEN_LIFETIME_MARGIN = Duration.ofMinutes(14);

    static Settings fromSystemProperties() {
        var settings = new Settings(
                Double.parseDouble(System.getProperty("rate", "5")),
                Duration.ofSeconds(Long.getLong("duration", 60)),
                Duration.ofSeconds(Long.getLong("warmup", 15)),
                Integer.getInteger("buyers", 20),
                Duration.ofMillis(Long.getLong("poll", 20)),
                Duration.ofSeconds(Long.getLong("patience", 30)),
                System.getProperty("identity.url", "http://127.0.0.1:8081"),
                System.getProperty("catalog.url", "http://127.0.0.1:8082"),
                System.getProperty("orders.url", "http://127.0.0.1:8083"),
                System.getProperty("payments.url", "http://127.0.0.1:8084"),
                System.getProperty("officer.login", "canbo.cantho@ocop.local"),
                System.getProperty("officer.password", "Ocop-Officer-2025!"),
                System.getProperty("vnpay.hashSecret", "DEVELOPMENT-ONLY-vnpay-hash-secret"));
        if (settings.rate() <= 0 || settings.buyers() < 1 || settings.duration().isNegative() || settings.duration().isZero()) {
            throw new IllegalArgumentException("rate, duration and buyers must be positive: " + settings);
        }
        if (settings.warmup().plus(settings.duration()).plus(settings.patience()).compareTo(TOKEN_LIFETIME_MARGIN) > 0) {
            throw new IllegalArgumentException("warm-up + duration + patience must stay under " + TOKEN_LIFETIME_MARGIN.toMinutes()
                    + " minutes: the buyers' access tokens, fetched once before the run, live 15 minutes");
        }
        return settings;
    }

    @Override
    public String toString() {
        return "rate=" + rate + "/s duration=" + duration.toSeconds() + "s warmup=" + warmup.toSeconds() + "s buyers=" + buyers
                + " poll=" + poll.toMillis() + "ms patience=" + patience.toSeconds() + "s";
    }
}
