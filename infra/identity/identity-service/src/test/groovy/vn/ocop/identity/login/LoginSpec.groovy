package vn.ocop.identity.login

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import spock.lang.Specification
import vn.ocop.identity.password.PasswordConfiguration
import vn.ocop.identity.password.PasswordHasher
import vn.ocop.platform.Infra

import static vn.ocop.identity.IdentityFixtures.PASSWORD
import static vn.ocop.identity.IdentityFixtures.body
import static vn.ocop.identity.IdentityFixtures.call
import static vn.ocop.identity.IdentityFixtures.login
import static vn.ocop.identity.IdentityFixtures.me
import static vn.ocop.identity.IdentityFixtures.register
import static vn.ocop.identity.IdentityFixtures.reset

@MicronautTest(transactional = false)
class LoginSpec extends Specification {

    @Inject @Client('/') HttpClient client
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    String accountId

    def setup() {
        reset(tx, redis)
        accountId = body(register(client, [displayName: 'Trần Thị Mai', phone: '0912345678', email: 'mai@example.vn'])).accountId
    }

    def "a buyer logs in with #login"() {
        when:
        def response = login(client, login)

        then:
        response.status().code == 200
        with(body(response)) {
            accountId == this.accountId
            roles == ['BUYER']
            tokenType == 'Bearer'
            expiresIn == 900
            (accessToken as String).split('\\.').length == 3
            refreshToken ==~ /[A-Za-z0-9_-]{43}/
        }

        where:
        login << ['0912345678', '+84912345678', '84912345678', '0912 345 678', '+84 912.345.678', 'mai@example.vn',
                  ' Mai@Example.VN ']
    }

    def "a wrong password and an unknown login get the same 401"() {
        when:
        def wrongPassword = login(client, '0912345678', 'not-the-password')
        def unknownPhone = login(client, '0987654321')
        def unknownEmail = login(client, 'nobody@example.vn')
        def notALogin = login(client, 'Mai')

        then:
        [wrongPassword, unknownPhone, unknownEmail, notALogin].every { it.status().code == 401 }
        [wrongPassword, unknownPhone, unknownEmail, notALogin].collect { body(it).subMap('code', 'title', 'detail') }
                .unique().size() == 1
        body(wrongPassword).code == 'invalid_credentials'
    }

    def "a disabled account cannot log in, even with its password"() {
        given:
        Infra.execute(tx, "UPDATE accounts SET status = 'DISABLED' WHERE id = ?", [accountId])

        expect:
        body(login(client, '0912345678')).code == 'invalid_credentials'
    }

    def "the caller reads their own account"() {
        given:
        def token = body(login(client, 'mai@example.vn')).accessToken as String

        when:
        def response = me(client, token)

        then:
        response.status().code == 200
        body(response) == [id   : accountId, displayName: 'Trần Thị Mai', phone: '0912345678', email: 'mai@example.vn',
                           roles: ['BUYER']]
    }

    def "without a token, the own account is a 401 problem"() {
        when:
        def response = call(client, HttpRequest.GET('/api/v1/accounts/me'))

        then:
        response.status().code == 401
        body(response).code == 'unauthorized'
    }

    def "a password hashed with an older cost is re-hashed with the current one at login"() {
        given: 'the stored hash was made with a cheaper cost'
        def old = new PasswordHasher(new PasswordConfiguration(4096, 1, 1, 1)).hash(PASSWORD)
        Infra.execute(tx, 'UPDATE accounts SET password_hash = ? WHERE id = ?', [old, accountId])

        when:
        def first = login(client, '0912345678')

        then:
        first.status().code == 200
        def rehashed = storedHash()
        rehashed != old
        rehashed.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')

        and: 'the new hash works, and is left alone from then on'
        login(client, '0912345678').status().code == 200
        storedHash() == rehashed
    }

    private String storedHash() {
        Infra.rows(tx, 'SELECT password_hash FROM accounts WHERE id = ?', [accountId]).first().password_hash
    }
}
