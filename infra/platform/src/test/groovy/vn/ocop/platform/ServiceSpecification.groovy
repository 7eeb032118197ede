package vn.ocop.platform

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.json.JsonMapper
import io.micronaut.test.support.TestPropertyProvider
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import spock.lang.Specification
import spock.util.concurrent.PollingConditions
import vn.ocop.platform.security.TestIdentity

/**
 * A base for a service's specs under {@code @MicronautTest}: its real database and Redis, an HTTP client that returns
 * error responses instead of throwing, and tokens accepted by the service (its JWKS points at {@link TestIdentity}).
 */
abstract class ServiceSpecification extends Specification implements TestPropertyProvider {

    @Inject @Client('/') HttpClient http
    @Inject StatefulRedisConnection<String, String> redis
    @Inject JsonMapper json
    @Inject TransactionOperations<Connection> tx
    PollingConditions conditions = new PollingConditions(timeout: 10)

    @Override
    Map<String, String> getProperties() {
        TestIdentity.properties()
    }

    HttpResponse<Map> call(HttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, Map)
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<Map>
        }
    }

    /** The JSON body of a successful response, as lists and maps. */
    def read(HttpRequest<?> request) {
        http.toBlocking().retrieve(request, Object)
    }

    Map body(HttpResponse<?> response) {
        response.getBody(Map).orElse([:])
    }
}
