package vn.ocop.deploy

import io.lettuce.core.RedisClient
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import org.flywaydb.core.Flyway

/**
 * The five services as real processes started from their runnable jars, as the run command starts them: free ports,
 * their own end-to-end databases ({@code ocop_<service>_e2e}) and Redis database 9. Logs go to
 * target/scenario-logs/<service>.log.
 */
class ServiceProcesses {

    static final List<String> SERVICES = ['identity', 'catalog', 'orders', 'payments', 'traceability']
    static final Map<String, String> MODULES = [identity    : 'infra/identity/identity-service', catalog: 'catalog/catalog-service',
                                                orders      : 'orders/orders-service', payments: 'payments/payments-service',
                                                traceability: 'traceability/traceability-service']
    static final String ADMIN_EMAIL = 'admin@e2e.ocop.local'
    static final String ADMIN_PASSWORD = 'E2e-Admin-Password-2025'
    static final int REDIS_DB = 9

    final Map<String, Integer> ports = SERVICES.collectEntries { [(it): freePort()] }
    final Map<String, Process> processes = [:]
    final Map<String, Long> readyAfterMillis = [:]
    final Path root = Path.of(System.getProperty('ocop.root', '../..')).toAbsolutePath().normalize()
    final Path logs = root.resolve('infra/deploy/target/scenario-logs')

    String dbHost = System.getenv('OCOP_DB_HOST') ?: '127.0.0.1'
    String dbPort = System.getenv('OCOP_DB_PORT') ?: '3306'
    String redisHost = System.getenv('OCOP_REDIS_HOST') ?: '127.0.0.1'
    String redisPort = System.getenv('OCOP_REDIS_PORT') ?: '6379'

    URI url(String service) {
        URI.create("http://127.0.0.1:${ports[service]}")
    }

    Api.Urls urls() {
        new Api.Urls(url('identity'), url('catalog'), url('orders'), url('payments'), url('traceability'))
    }

    String jdbcUrl(String service) {
        "jdbc:mariadb://$dbHost:$dbPort/ocop_${service}_e2e?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
    }

    static String dbUser(String service) { "ocop_$service" }

    static String dbPassword(String service) { System.getenv("OCOP_DB_PASSWORD_${service.toUpperCase()}") ?: "ocop-$service-dev" }

    String redisUri() { "redis://$redisHost:$redisPort/$REDIS_DB" }

    /** Empty databases and streams, as on a new installation. */
    void reset() {
        SERVICES.each { service ->
            Flyway.configure().dataSource(jdbcUrl(service), dbUser(service), dbPassword(service)).cleanDisabled(false)
                    .load().clean()
        }
        def client = RedisClient.create(redisUri())
        client.connect().withCloseable { it.sync().flushdb() }
        client.shutdown()
    }

    /** Extra settings per service for its next starts, e.g. a short reservation time. */
    final Map<String, Map<String, String>> overrides = [:]

    /** Stops the service and starts it again with {@code settings} added (or, with none, without earlier overrides). */
    void restart(String service, Map<String, String> settings = [:]) {
        stop(service)
        overrides[service] = settings
        start(service)
        awaitReady(service)
    }

    void startAll() {
        SERVICES.each { start(it) }
        SERVICES.each { awaitReady(it) }
    }

    void start(String service) {
        Files.createDirectories(logs)
        def jar = root.resolve("${MODULES[service]}/target/${MODULES[service].tokenize('/').last()}-${System.getProperty('ocop.version')}.jar")
        assert Files.exists(jar): "no runnable jar $jar: the scenarios run after `package` (mvn verify)"
        def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def builder = new ProcessBuilder(java, '-Xms32m', '-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1',
                '-Dfile.encoding=UTF-8', '-jar', jar.toString())
        builder.environment().putAll(environment(service) + overrides.getOrDefault(service, [:]))
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("${service}.log").toFile()))
        processes[service] = builder.start()
        processes[service].metaClass.startedAt = System.nanoTime()
    }

    Map<String, String> environment(String service) {
        def env = [OCOP_PORT                       : ports[service] as String,
                   OCOP_DB_HOST                    : dbHost, OCOP_DB_PORT: dbPort,
                   OCOP_DB_NAME                    : "ocop_${service}_e2e".toString(),
                   OCOP_DB_USER                    : dbUser(service), OCOP_DB_PASSWORD: dbPassword(service),
                   OCOP_REDIS_HOST                 : redisHost, OCOP_REDIS_PORT: redisPort, OCOP_REDIS_DB: REDIS_DB as String,
                   OCOP_IDENTITY_JWKS_URL          : "${url('identity')}/.well-known/jwks.json".toString(),
                   OCOP_LOG_APPENDER               : 'CONSOLE',
                   // a restarted instance reclaims what its predecessor left pending after this long
                   OCOP_EVENTS_CONSUMER_CLAIM_IDLE: '3s']
        switch (service) {
            case 'identity':
                env += [OCOP_ADMIN_EMAIL: ADMIN_EMAIL, OCOP_ADMIN_PASSWORD: ADMIN_PASSWORD, OCOP_ADMIN_NAME: 'Quản trị E2E']
                break
            case 'payments':
                env += [OCOP_VNPAY_STANDIN_ENABLED: 'true',
                        OCOP_VNPAY_PAY_URL        : "${url('payments')}/vnpay-standin/paymentv2/vpcpay.html".toString(),
                        OCOP_VNPAY_RETURN_URL     : "${url('payments')}/payments/vnpay/return".toString(),
                        OCOP_VNPAY_STANDIN_IPN_URL: "${url('payments')}/payments/vnpay/ipn".toString()]
                break
            case 'traceability':
                env += [OCOP_RESOLVER_BASE_URL: url('traceability').toString()]
                break
        }
        env
    }

    /** Waits for /health/readiness and records how long the service took from its launch. */
    void awaitReady(String service) {
        def http = HttpClient.newHttpClient()
        def deadline = Instant.now().plusSeconds(120)
        while (Instant.now().isBefore(deadline)) {
            assert processes[service].alive: "$service exited while starting; see ${logs.resolve("${service}.log")}"
            try {
                def response = http.send(HttpRequest.newBuilder(url(service).resolve('/health/readiness'))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                if (response.statusCode() == 200) {
                    readyAfterMillis[service] = (System.nanoTime() - (processes[service].startedAt as long)).intdiv(1_000_000)
                    return
                }
            } catch (IOException ignored) {
                // not listening yet
            }
            Thread.sleep(100)
        }
        throw new IllegalStateException("$service not ready within 120 s; see ${logs.resolve("${service}.log")}")
    }

    /** Ends a service as a crash or an operator would: SIGKILL when {@code force}, else SIGTERM and a clean stop. */
    void stop(String service, boolean force = false) {
        def process = processes.remove(service)
        if (process == null) {
            return
        }
        force ? process.destroyForcibly() : process.destroy()
        process.waitFor()
    }

    void stopAll() {
        processes.keySet().toList().each { stop(it) }
    }

    private static int freePort() {
        new ServerSocket(0).withCloseable { it.localPort }
    }
}
