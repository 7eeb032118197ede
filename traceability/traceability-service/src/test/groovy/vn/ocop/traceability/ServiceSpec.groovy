package vn.ocop.traceability

import io.micronaut.test.support.TestPropertyProvider
import spock.lang.Specification
import vn.ocop.platform.security.TestIdentity

/**
 * The running service on a port chosen before it starts, so that the resolver base URL (the URIs in QR codes) points
 * at it, verifying tokens against the test identity's JWKS over HTTP as in production.
 */
abstract class ServiceSpec extends Specification implements TestPropertyProvider {

    private static final Map<Class, Integer> PORTS = [:].asSynchronized()

    @Override
    Map<String, String> getProperties() {
        TestIdentity.properties() + ['micronaut.server.port'              : port().toString(),
                                     'ocop.traceability.resolver-base-url': baseUrl()]
    }

    Integer port() {
        PORTS.computeIfAbsent(getClass()) { new ServerSocket(0).withCloseable { it.localPort } }
    }

    String baseUrl() {
        "http://127.0.0.1:${port()}"
    }

    static String token(UUID account, List<String> roles) {
        TestIdentity.token(account, roles)
    }
}
