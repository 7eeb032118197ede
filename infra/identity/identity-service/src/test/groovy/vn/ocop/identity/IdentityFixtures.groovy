package vn.ocop.identity

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.transaction.TransactionOperations
import java.sql.Connection
import vn.ocop.identity.api.IdentityEvents
import vn.ocop.platform.Infra

/** Cleaning identity's tables, stream and login counters, and calling its API. */
class IdentityFixtures {

    public static final String PASSWORD = 'mật-khẩu-đủ-dài'

    /** Removes every account (and what hangs off it), the outbox, the stream and the failed-login counters. */
    static void reset(TransactionOperations<Connection> tx, StatefulRedisConnection<String, String> redis) {
        ['refresh_tokens', 'account_roles', 'accounts', 'outbox'].each { Infra.execute(tx, "DELETE FROM $it") }
        redis.sync().del(IdentityEvents.STREAM)
        clearThrottle(redis)
    }

    static void clearThrottle(StatefulRedisConnection<String, String> redis) {
        def keys = redis.sync().keys('ocop:identity:login-failures:*')
        if (keys) {
            redis.sync().del(keys as String[])
        }
    }

    /** The response, whatever its status. */
    static HttpResponse<Map<String, Object>> call(HttpClient client, HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, Map) as HttpResponse<Map<String, Object>>
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<Map<String, Object>>
        }
    }

    static Map<String, Object> body(HttpResponse<Map<String, Object>> response) {
        response.getBody(Map).orElse(null)
    }

    static HttpResponse<Map<String, Object>> register(HttpClient client, Map<String, Object> fields) {
        call(client, HttpRequest.POST('/api/v1/auth/register', [displayName: 'Người mua', password: PASSWORD] + fields))
    }

    static HttpResponse<Map<String, Object>> login(HttpClient client, String name, String password = PASSWORD, String address = null) {
        def request = HttpRequest.POST('/api/v1/auth/login', [login: name, password: password])
        if (address) {
            request.header('X-Forwarded-For', address)
        }
        call(client, request)
    }

    static String accessToken(HttpClient client, String name, String password = PASSWORD) {
        def response = login(client, name, password)
        assert response.status().code == 200
        body(response).accessToken
    }

    /** An account an administrator creates through the API (an officer, a helper, another administrator). */
    static HttpResponse<Map<String, Object>> staff(HttpClient client, String adminBearer, Map<String, Object> fields) {
        call(client, HttpRequest.POST('/api/v1/admin/accounts', [password: PASSWORD] + fields).bearerAuth(adminBearer))
    }

    static HttpResponse<Map<String, Object>> me(HttpClient client, String bearer) {
        call(client, HttpRequest.GET('/api/v1/accounts/me').bearerAuth(bearer))
    }
}
