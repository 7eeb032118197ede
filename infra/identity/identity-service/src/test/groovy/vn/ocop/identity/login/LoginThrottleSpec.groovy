package vn.ocop.identity.login

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.annotation.Property
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import spock.lang.Specification

import static vn.ocop.identity.IdentityFixtures.PASSWORD
import static vn.ocop.identity.IdentityFixtures.body
import static vn.ocop.identity.IdentityFixtures.login
import static vn.ocop.identity.IdentityFixtures.register
import static vn.ocop.identity.IdentityFixtures.reset

@MicronautTest(transactional = false)
@Property(name = 'ocop.identity.login-throttle.account-limit', value = '3')
@Property(name = 'ocop.identity.login-throttle.address-limit', value = '5')
@Property(name = 'ocop.identity.login-throttle.address-window', value = '10m')
class LoginThrottleSpec extends Specification {

    static final String KEYS = 'ocop:identity:login-failures:'

    @Inject @Client('/') HttpClient client
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    String accountId

    def setup() {
        reset(tx, redis)
        accountId = body(register(client, [phone: '0912345678'])).accountId
    }

    def "after 3 failures on an account, even its password gets a 429 with Retry-After, and is not checked"() {
        given: 'three failures, each from another address'
        (1..3).each { assert login(client, '0912345678', 'wrong-password', "198.51.100.$it").status().code == 401 }

        when:
        def refused = login(client, '+84 912 345 678', PASSWORD, '198.51.100.9')

        then:
        refused.status().code == 429
        body(refused).code == 'login_throttled'
        def retryAfter = refused.header('Retry-After') as int
        retryAfter > 800 && retryAfter <= 900
        body(refused).detail == "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau $retryAfter giây."

        and: 'the refused attempt went nowhere near the password: it was not counted as a failure'
        redis.sync().get(KEYS + "account:$accountId") == '3'
    }

    def "a successful login clears the account's failures"() {
        given:
        (1..2).each { login(client, '0912345678', 'wrong-password', '198.51.100.20') }

        when:
        def success = login(client, '0912345678', PASSWORD, '198.51.100.20')

        then:
        success.status().code == 200
        redis.sync().exists(KEYS + "account:$accountId") == 0L

        and: 'two more failures do not reach the limit'
        (1..2).each { login(client, '0912345678', 'wrong-password', '198.51.100.20') }
        login(client, '0912345678', PASSWORD, '198.51.100.20').status().code == 200
    }

    def "after 5 failures from one address, every login from it gets a 429, and other addresses are unaffected"() {
        given: 'failures on five logins, none of them over its own limit'
        ['0900000001', '0900000002', 'a@example.vn', 'b@example.vn', '0912345678'].each {
            assert login(client, it, 'wrong-password', '203.0.113.7').status().code == 401
        }

        when:
        def fromThatAddress = login(client, '0912345678', PASSWORD, '203.0.113.7')
        def fromElsewhere = login(client, '0912345678', PASSWORD, '203.0.113.8')

        then:
        fromThatAddress.status().code == 429
        (fromThatAddress.header('Retry-After') as int) in 501..600
        fromElsewhere.status().code == 200
    }

    def "a login naming no account is throttled like one that does, so the responses reveal nothing"() {
        when:
        def known = (1..4).collect { login(client, '0912345678', 'wrong-password', "192.0.2.$it") }
        def unknown = (1..4).collect { login(client, '0987654321', 'wrong-password', "192.0.2.1$it") }

        then:
        known*.status()*.code == [401, 401, 401, 429]
        unknown*.status()*.code == [401, 401, 401, 429]
        known.collect { body(it).subMap('code', 'title') } == unknown.collect { body(it).subMap('code', 'title') }

        and: 'the counter of the unknown login is keyed by a hash, not by the phone number'
        redis.sync().keys(KEYS + "*").every { !it.contains('0987654321') }
    }
}
