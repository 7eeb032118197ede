package vn.ocop.identity.account

import com.nimbusds.jwt.SignedJWT
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.ApplicationContext
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import spock.lang.Specification
import vn.ocop.platform.Infra

import static vn.ocop.identity.IdentityFixtures.PASSWORD
import static vn.ocop.identity.IdentityFixtures.accessToken
import static vn.ocop.identity.IdentityFixtures.body
import static vn.ocop.identity.IdentityFixtures.call
import static vn.ocop.identity.IdentityFixtures.me
import static vn.ocop.identity.IdentityFixtures.register
import static vn.ocop.identity.IdentityFixtures.reset

@MicronautTest(transactional = false)
@Property(name = 'ocop.identity.bootstrap-admin.email', value = AdminAccountsSpec.ADMIN_EMAIL)
@Property(name = 'ocop.identity.bootstrap-admin.password', value = AdminAccountsSpec.ADMIN_PASSWORD)
@Property(name = 'ocop.identity.bootstrap-admin.display-name', value = 'Sở Công Thương')
class AdminAccountsSpec extends Specification {

    public static final String ADMIN_EMAIL = 'admin@ocop.example.vn'
    public static final String ADMIN_PASSWORD = 'quản-trị-viên-2025'
    static final Map<String, Object> BOOTSTRAP = ['ocop.identity.bootstrap-admin.email'       : ADMIN_EMAIL,
                                  'ocop.identity.bootstrap-admin.password'    : ADMIN_PASSWORD,
                                  'ocop.identity.bootstrap-admin.display-name': 'Sở Công Thương',
                                  'ocop.events.relay.enabled'                 : 'false']

    @Inject @Client('/') HttpClient client
    @Inject TransactionOperations<Connection> tx
    @Inject StatefulRedisConnection<String, String> redis
    @Inject BootstrapAdmin bootstrapAdmin
    @Inject Accounts accounts
    @Inject JsonMapper json

    def setup() {
        reset(tx, redis)
    }

    def "the configured admin is created at start-up, once: a restart finds it and does nothing"() {
        when:
        def first = ApplicationContext.run(BOOTSTRAP, 'test')
        first.close()
        def restarted = ApplicationContext.run(BOOTSTRAP, 'test')

        then:
        admins() == [[email: ADMIN_EMAIL, display_name: 'Sở Công Thương']]
        def events = Infra.rows(tx, "SELECT envelope FROM outbox WHERE event_type = 'AccountRegistered'")
        events.size() == 1
        json.readValue(events.first().envelope as String, Map).data.roles == ['ADMIN']

        cleanup:
        restarted?.close()
    }

    def "instances starting together create one admin between them"() {
        given:
        def pool = Executors.newFixedThreadPool(4)

        when:
        def created = pool.invokeAll((1..4).collect { { -> bootstrapAdmin.createIfMissing() } as Callable<Boolean> })*.get()

        then:
        created.count(true) == 1
        admins().size() == 1

        cleanup:
        pool.shutdown()
    }

    def "a bootstrap password that is too short stops the start-up"() {
        when:
        new BootstrapAdmin(new BootstrapAdminConfiguration(ADMIN_EMAIL, null, 'short', null), accounts).createIfMissing()

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('password')
        admins().isEmpty()
    }

    def "without settings, no admin is created"() {
        expect:
        !new BootstrapAdmin(new BootstrapAdminConfiguration(null, '', '', null), accounts).createIfMissing()
        !new BootstrapAdmin(new BootstrapAdminConfiguration(ADMIN_EMAIL, null, '', null), accounts).createIfMissing()
        admins().isEmpty()
    }

    def "an admin creates an officer, whose token carries the province"() {
        given:
        bootstrapAdmin.createIfMissing()
        def admin = accessToken(client, ADMIN_EMAIL, ADMIN_PASSWORD)

        when:
        def response = createStaff(admin, [displayName: 'Cán bộ Cần Thơ', phone: '0939 111 222', password: PASSWORD,
                                           role       : 'OFFICER', provinceCode: '92'])

        then:
        response.status().code == 201
        body(response).roles == ['OFFICER']
        def officerId = body(response).accountId

        and: 'the event names the province'
        def event = Infra.rows(tx, 'SELECT envelope FROM outbox WHERE aggregate_id = ?', [officerId]).first()
        with(json.readValue(event.envelope as String, Map).data) {
            roles == ['OFFICER']
            province == '92'
            phone == '0939111222'
        }

        when: 'the officer logs in'
        def token = accessToken(client, '0939111222')

        then:
        def claims = SignedJWT.parse(token).JWTClaimsSet
        claims.getStringListClaim('roles') == ['OFFICER']
        claims.getStringClaim('province') == '92'
        body(me(client, token)).province == '92'
    }

    def "an admin creates a #role"() {
        given:
        bootstrapAdmin.createIfMissing()

        when:
        def response = createStaff(accessToken(client, ADMIN_EMAIL, ADMIN_PASSWORD),
                [displayName: 'Nhân sự', email: "nhan-su-$role@ocop.example.vn".toLowerCase(), password: PASSWORD, role: role])

        then:
        response.status().code == 201
        body(response).roles == [role]

        where:
        role << ['HELPER', 'ADMIN']
    }

    def "a staff account with #problem is a 400 naming provinceCode"() {
        given:
        bootstrapAdmin.createIfMissing()

        when:
        def response = createStaff(accessToken(client, ADMIN_EMAIL, ADMIN_PASSWORD),
                [displayName: 'Nhân sự', phone: '0939111222', password: PASSWORD] + fields)

        then:
        response.status().code == 400
        body(response).errors*.field == ['provinceCode']

        where:
        problem                      | fields
        'an officer without province' | [role: 'OFFICER']
        'a helper with a province'   | [role: 'HELPER', provinceCode: '92']
        'a 1-digit province'         | [role: 'OFFICER', provinceCode: '9']
    }

    def "a buyer may not create staff accounts (403), nor may an anonymous caller (401)"() {
        given:
        register(client, [phone: '0912345678'])
        def buyer = accessToken(client, '0912345678')
        def officer = [displayName: 'X', phone: '0939111222', password: PASSWORD, role: 'OFFICER', provinceCode: '92']

        expect:
        createStaff(buyer, officer).status().code == 403
        body(createStaff(buyer, officer)).code == 'forbidden'
        call(client, HttpRequest.POST('/api/v1/admin/accounts', officer)).status().code == 401
        Infra.count(tx, 'SELECT COUNT(*) FROM accounts') == 1
    }

    private createStaff(String bearer, Map request) {
        call(client, HttpRequest.POST('/api/v1/admin/accounts', request).bearerAuth(bearer))
    }

    private List<Map> admins() {
        Infra.rows(tx, "SELECT a.email, a.display_name FROM accounts a JOIN account_roles r ON r.account_id = a.id "
                + "WHERE r.role = 'ADMIN'")
    }
}
