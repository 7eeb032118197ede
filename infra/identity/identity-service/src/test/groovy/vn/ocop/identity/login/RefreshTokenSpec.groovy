package vn.ocop.identity.login

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.security.MessageDigest
import java.sql.Connection
import java.time.Duration
import spock.lang.Specification
import vn.ocop.platform.Infra

import static vn.ocop.identity.IdentityFixtures.body
import static vn.ocop.identity.IdentityFixtures.call
import static vn.ocop.identity.IdentityFixtures.login
import static vn.ocop.identity.IdentityFixtures.register
import static vn.ocop.identity.IdentityFixtures.reset

@MicronautTest(transactional = false)
class RefreshTokenSpec extends Specification {

    @Inject @Client('/') HttpClient client
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    String accountId

    def setup() {
        reset(tx, redis)
        accountId = body(register(client, [phone: '0912345678'])).accountId
    }

    def "a refresh token is kept only as its SHA-256, for 30 days"() {
        when:
        def refreshToken = body(login(client, '0912345678')).refreshToken as String

        then:
        def row = token(refreshToken)
        row.account_id == accountId
        row.revoked_at == null
        Infra.count(tx, 'SELECT TIMESTAMPDIFF(SECOND, created_at, expires_at) FROM refresh_tokens WHERE id = ?', [row.id]) ==
                Duration.ofDays(30).toSeconds()
        Infra.count(tx, 'SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ? OR id = ?', [refreshToken, refreshToken]) == 0
    }

    def "refreshing rotates: a new pair, and the old token revoked and pointing at its successor"() {
        given:
        def first = body(login(client, '0912345678'))

        when:
        def response = refresh(first.refreshToken)

        then:
        response.status().code == 200
        def second = body(response)
        second.refreshToken != first.refreshToken
        second.accessToken
        second.accountId == accountId
        second.roles == ['BUYER']

        and:
        def old = token(first.refreshToken)
        def successor = token(second.refreshToken)
        old.revoked_at != null
        old.replaced_by == successor.id
        successor.family_id == old.family_id
        successor.revoked_at == null
    }

    def "presenting a rotated token again is theft: the whole family is revoked, other logins are not"() {
        given: 'a login rotated once, and another login on another device'
        def stolen = body(login(client, '0912345678')).refreshToken
        def current = body(refresh(stolen)).refreshToken
        def otherDevice = body(login(client, '0912345678')).refreshToken

        when:
        def replay = refresh(stolen)

        then:
        replay.status().code == 401
        body(replay).code == 'invalid_refresh_token'

        and: 'the legitimate holder of the family must log in again'
        refresh(current).status().code == 401
        token(current).revoked_at != null

        and:
        refresh(otherDevice).status().code == 200
    }

    def "logging out revokes the family; logging out with an unknown token is harmless"() {
        given:
        def first = body(login(client, '0912345678')).refreshToken
        def second = body(refresh(first)).refreshToken

        when:
        def response = call(client, HttpRequest.POST('/api/v1/auth/logout', [refreshToken: second]))

        then:
        response.status().code == 204
        refresh(second).status().code == 401
        Infra.count(tx, 'SELECT COUNT(*) FROM refresh_tokens WHERE revoked_at IS NULL') == 0

        and:
        call(client, HttpRequest.POST('/api/v1/auth/logout', [refreshToken: 'never-issued'])).status().code == 204
    }

    def "an expired or unknown refresh token is a 401"() {
        given:
        def refreshToken = body(login(client, '0912345678')).refreshToken
        Infra.execute(tx, 'UPDATE refresh_tokens SET expires_at = created_at')

        expect:
        refresh(refreshToken).status().code == 401
        refresh('A' * 43).status().code == 401
    }

    def "a disabled account's refresh token stops working"() {
        given:
        def refreshToken = body(login(client, '0912345678')).refreshToken
        Infra.execute(tx, "UPDATE accounts SET status = 'DISABLED' WHERE id = ?", [accountId])

        expect:
        refresh(refreshToken).status().code == 401
    }

    private refresh(Object refreshToken) {
        call(client, HttpRequest.POST('/api/v1/auth/refresh', [refreshToken: refreshToken]))
    }

    private Map token(Object refreshToken) {
        def hash = MessageDigest.getInstance('SHA-256').digest((refreshToken as String).getBytes('UTF-8')).encodeHex().toString()
        Infra.rows(tx, 'SELECT * FROM refresh_tokens WHERE token_hash = ?', [hash]).first()
    }
}
