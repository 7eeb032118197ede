package vn.ocop.platform.security

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import java.time.Instant

/**
 * Identity as seen by a resource server under test: one JWKS endpoint per test JVM (started on first use, on a random
 * port) and tokens signed with its key. A spec points the service at it by implementing TestPropertyProvider with
 * {@link #properties()}.
 */
class TestIdentity {

    static final String JWKS_URL_PROPERTY = 'micronaut.security.token.jwt.signatures.jwks.identity.url'
    private static EmbeddedServer server

    static synchronized String jwksUrl() {
        if (server == null) {
            server = ApplicationContext.run(EmbeddedServer, ['ocop.service.name'                 : 'test-identity',
                                                             'ocop.test.jwks'                    : 'serve',
                                                             'ocop.events.consumer.enabled'      : 'false',
                                                             'ocop.events.relay.enabled'         : 'false',
                                                             'flyway.datasources.default.enabled': 'false',
                                                             (JWKS_URL_PROPERTY)                 : 'http://127.0.0.1:1/unused'],
                    'test')
        }
        "${server.URL}/test-jwks"
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
