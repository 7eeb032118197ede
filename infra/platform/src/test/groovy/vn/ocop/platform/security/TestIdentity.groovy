package vn.ocop.platform.security

import com.nimbusds.jose.jwk.JWKSet
import com.sun.net.httpserver.HttpServer
import java.nio.charset.StandardCharsets
import java.time.Instant

/**
 * Identity as seen by a resource server under test: one JWKS endpoint per test JVM (started on first use, on a random
 * port of the loopback interface) and tokens signed with its key. A spec points the service at it by implementing
 * TestPropertyProvider with {@link #properties()}.
 *
 * The endpoint is the JDK's own small HTTP server serving Nimbus's JSON of the public key, not an application context:
 * a context started here would be a second copy of the service under test, with its workers and schedules running
 * against the shared test database.
 */
class TestIdentity {

    static final String JWKS_URL_PROPERTY = 'micronaut.security.token.jwt.signatures.jwks.identity.url'
    private static HttpServer server

    static synchronized String jwksUrl() {
        if (server == null) {
            byte[] keys = new JWKSet(TestJwks.KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8)
            server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
            server.createContext('/test-jwks') { exchange ->
                exchange.responseHeaders.add('Content-Type', 'application/json')
                exchange.sendResponseHeaders(200, keys.length)
                exchange.responseBody.withCloseable { it.write(keys) }
            }
            server.start()
            Runtime.runtime.addShutdownHook(new Thread({ server.stop(0) }))
        }
        "http://127.0.0.1:${server.address.port}/test-jwks"
    }

    static Map<String, String> properties() {
        [(JWKS_URL_PROPERTY): jwksUrl()]
    }

    static String token(UUID account, List<String> roles, String province = null) {
        def now = Instant.now()
        TestJwks.token(TestJwks.KEY, account.toString(), roles, province, 'ocop-identity', now.minusSeconds(5), now.plusSeconds(900))
    }

    static String buyer(UUID account) { token(account, [Roles.BUYER]) }

    static String seller(UUID account) { token(account, [Roles.SELLER]) }

    static String officer(UUID account, String province) { token(account, [Roles.OFFICER], province) }

    static String admin(UUID account) { token(account, [Roles.ADMIN]) }
}
