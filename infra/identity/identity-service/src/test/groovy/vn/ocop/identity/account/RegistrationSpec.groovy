package vn.ocop.identity.account

import io.lettuce.core.Range
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.data.exceptions.DataAccessException
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import spock.lang.Specification
import spock.util.concurrent.PollingConditions
import vn.ocop.identity.api.IdentityEvents
import vn.ocop.platform.Infra

import static vn.ocop.identity.IdentityFixtures.PASSWORD
import static vn.ocop.identity.IdentityFixtures.body
import static vn.ocop.identity.IdentityFixtures.call
import static vn.ocop.identity.IdentityFixtures.register
import static vn.ocop.identity.IdentityFixtures.reset

@MicronautTest(transactional = false)
class RegistrationSpec extends Specification {

    @Inject @Client('/') HttpClient client
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    @Inject JsonMapper json
    @Inject AccountRepository accountRepository
    def conditions = new PollingConditions(timeout: 10)

    def setup() {
        reset(tx, redis)
    }

    def "a buyer registers and AccountRegistered reaches the outbox and then the identity stream"() {
        when:
        def response = register(client, [displayName: 'Trần Thị Mai', phone: '+84 912.345.678', email: ' Mai.Tran@Example.VN '])

        then:
        response.status().code == 201
        def accountId = body(response).accountId as String
        body(response).roles == ['BUYER']

        and: 'the account is stored with normalised contacts and an Argon2id hash'
        def account = Infra.rows(tx, 'SELECT * FROM accounts WHERE id = ?', [accountId]).first()
        account.display_name == 'Trần Thị Mai'
        account.phone == '0912345678'
        account.email == 'mai.tran@example.vn'
        (account.password_hash as String).startsWith('$argon2id$v=19$m=19456,t=2,p=1$')
        account.status == 'ACTIVE'
        Infra.rows(tx, 'SELECT role, province_code FROM account_roles WHERE account_id = ?', [accountId]) ==
                [[role: 'BUYER', province_code: null]]

        and: 'the event was written to the outbox in the same transaction'
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE event_type = 'AccountRegistered' AND aggregate_id = ?", [accountId]) == 1

        and: 'the relay appends it to the ocop.identity stream, with its fields'
        conditions.eventually {
            assert events(accountId).size() == 1
        }
        def envelope = events(accountId).first()
        envelope.type == 'AccountRegistered'
        envelope.version == 1
        envelope.data == [accountId   : accountId, displayName: 'Trần Thị Mai', phone: '0912345678',
                          email       : 'mai.tran@example.vn', roles: ['BUYER'],
                          registeredAt: envelope.data.registeredAt]
        Instant.parse(envelope.data.registeredAt as String) <= Instant.parse(envelope.occurredAt as String)
    }

    def "a seller registers with their business, which the event carries for catalog"() {
        when:
        def response = call(client, HttpRequest.POST('/api/v1/auth/register/seller', [
                displayName: 'Hồ Quang Cua', phone: '0987 654 321', password: PASSWORD,
                sellerType : 'ENTERPRISE', legalName: 'Doanh nghiệp tư nhân Hồ Quang',
                provinceCode: '92', communeCode: '31900']))

        then:
        response.status().code == 201
        body(response).roles == ['SELLER']
        def accountId = body(response).accountId as String

        and:
        conditions.eventually {
            assert events(accountId).size() == 1
        }
        def data = events(accountId).first().data
        data.roles == ['SELLER']
        data.phone == '0987654321'
        !data.containsKey('email')
        data.seller == [sellerType  : 'ENTERPRISE', legalName: 'Doanh nghiệp tư nhân Hồ Quang',
                        provinceCode: '92', communeCode: '31900']
    }

    def "a #contact already registered (typed as #again) is a 409 #code, and nothing is published"() {
        given:
        assert register(client, first).status().code == 201

        when:
        def response = register(client, second)

        then:
        response.status().code == 409
        response.contentType.get().toString() == 'application/problem+json'
        body(response).code == code
        Infra.count(tx, 'SELECT COUNT(*) FROM accounts') == 1
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == 1

        where:
        contact  | first                      | second                                           || code
        'phone'  | [phone: '0912345678']      | [phone: '+84 912 345 678']                       || 'phone_taken'
        'e-mail' | [email: 'mai@example.vn']  | [email: 'MAI@example.vn', phone: '0977777777']   || 'email_taken'
        again = second.phone ?: second.email
    }

    def "of several registrations racing for one phone number, exactly one succeeds and the others get 409"() {
        given:
        def pool = Executors.newFixedThreadPool(4)

        when:
        def responses = pool.invokeAll((1..4).collect { n ->
            { -> register(client, [displayName: "Người mua $n".toString(), phone: '0912345678']) } as Callable
        })*.get()

        then:
        responses*.status()*.code.sort() == [201, 409, 409, 409]
        responses.findAll { it.status().code == 409 }.every { body(it).code == 'phone_taken' }
        Infra.count(tx, 'SELECT COUNT(*) FROM accounts') == 1
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox') == 1

        cleanup:
        pool.shutdown()
    }

    def "an insert that slips past the check fails on the unique key the 409 mapping looks for"() {
        given:
        assert register(client, [phone: '0912345678']).status().code == 201
        def now = Instant.now()

        when:
        accountRepository.save(new Account(UUID.randomUUID(), 'Kẻ đến sau', '0912345678', null, 'x', AccountStatus.ACTIVE, now, now))

        then:
        def e = thrown(DataAccessException)
        Accounts.duplicateContact(e).get().code() == 'phone_taken'
    }

    def "the 409 detail is in the caller's language (#language)"() {
        given:
        register(client, [phone: '0912345678'])

        when:
        def response = call(client, HttpRequest.POST('/api/v1/auth/register', [displayName: 'Mai', password: PASSWORD,
                                                                               phone      : '0912345678'])
                .header('Accept-Language', language))

        then:
        body(response).detail == detail

        where:
        language || detail
        'vi'     || 'Số điện thoại này đã được đăng ký.'
        'en'     || 'This phone number is already registered.'
    }

    def "registering with #problem is a 400 naming #fields"() {
        when:
        def response = call(client, HttpRequest.POST(path, request).header('Accept-Language', 'en'))

        then:
        response.status().code == 400
        body(response).code in ['invalid_request', 'unreadable_body']
        (body(response).errors*.field as Set) == fields as Set
        Infra.count(tx, 'SELECT COUNT(*) FROM accounts') == 0

        where:
        problem                        | path                            | request                                                                 || fields
        'no phone and no e-mail'       | '/api/v1/auth/register'         | [displayName: 'Mai', password: PASSWORD]                                || ['phone', 'email']
        'a landline number'            | '/api/v1/auth/register'         | [displayName: 'Mai', password: PASSWORD, phone: '0292 3123 456']        || ['phone']
        'a malformed e-mail'           | '/api/v1/auth/register'         | [displayName: 'Mai', password: PASSWORD, email: 'mai@']                 || ['email']
        'a short password'             | '/api/v1/auth/register'         | [displayName: 'Mai', password: 'short', phone: '0912345678']            || ['password']
        'a password over 128 chars'    | '/api/v1/auth/register'         | [displayName: 'Mai', password: 'x' * 129, phone: '0912345678']          || ['password']
        'a blank name'                 | '/api/v1/auth/register'         | [displayName: ' ', password: PASSWORD, phone: '0912345678']             || ['displayName']
        'an unknown seller type'       | '/api/v1/auth/register/seller'  | seller(sellerType: 'FARM')                                              || ['sellerType']
        'a 3-digit province'           | '/api/v1/auth/register/seller'  | seller(provinceCode: '920')                                             || ['provinceCode']
        'a 4-digit commune'            | '/api/v1/auth/register/seller'  | seller(communeCode: '3190')                                             || ['communeCode']
        'no legal name'                | '/api/v1/auth/register/seller'  | seller(legalName: null)                                                 || ['legalName']
    }

    def "a field error message is in the caller's language"() {
        when:
        def response = call(client, HttpRequest.POST('/api/v1/auth/register',
                [displayName: 'Mai', password: PASSWORD, phone: '123']).header('Accept-Language', 'vi'))

        then:
        body(response).errors == [[field: 'phone', message: 'không phải số di động Việt Nam (ví dụ 0912 345 678 hoặc +84 912 345 678)']]
    }

    private static Map seller(Map overrides) {
        [displayName : 'Hồ Quang Cua', phone: '0987654321', password: PASSWORD, sellerType: 'COOPERATIVE',
         legalName   : 'HTX Hồ Quang', provinceCode: '92', communeCode: '31900'] + overrides
    }

    private List<Map> events(String accountId) {
        redis.sync().xrange(IdentityEvents.STREAM, Range.create('-', '+'))
                .collect { json.readValue(it.body.envelope, Map) }
                .findAll { it.aggregateId == accountId }
    }
}
