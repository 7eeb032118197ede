package vn.ocop.catalog.seller

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import java.time.Instant
import java.time.temporal.ChronoUnit
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.platform.Infra
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

@MicronautTest(transactional = false)
class DelegationSpec extends CatalogSpecification {

    static String phone() { '09' + String.format('%08d', new Random().nextInt(100_000_000)) }

    Map grant(UUID seller, String helper, List scopes, Instant until = Instant.now().plus(30, ChronoUnit.DAYS)) {
        def response = call(HttpRequest.POST("/api/v1/sellers/$seller/delegations",
                [helper: helper, scopes: scopes, validUntil: until.toString()]).bearerAuth(TestIdentity.seller(seller)))
        assert response.status().code == 201
        body(response)
    }

    def "a helper delegated PROFILE updates the seller's profile; the seller sees who did it for whom"() {
        given:
        UUID seller = registeredSeller()
        String helperPhone = phone()
        UUID helper = registeredHelper(helperPhone)

        when: 'the seller grants by the helper phone number'
        def delegation = grant(seller, helperPhone, ['PROFILE', 'LISTINGS'])

        then:
        delegation.helper.id == helper.toString()
        delegation.scopes.toSet() == ['PROFILE', 'LISTINGS'].toSet()
        delegation.state == 'ACTIVE'

        and: 'the helper sees whom it can act for'
        read(HttpRequest.GET('/api/v1/helpers/me/delegations').bearerAuth(helperToken(helper)))*.sellerId == [seller.toString()]

        when:
        def response = call(HttpRequest.PUT("/api/v1/sellers/$seller/profile", profile(representative: 'Hồ Văn Tâm'))
                .bearerAuth(helperToken(helper)))

        then:
        response.status().code == 200
        def log = body(call(HttpRequest.GET("/api/v1/sellers/$seller/activity").bearerAuth(TestIdentity.seller(seller)))).items
        log.first().action == 'PROFILE_UPDATED'
        log.first().actorId == helper.toString()
        log.first().actorRole == 'HELPER'
        log.last().action == 'DELEGATION_GRANTED'
        log.last().actorRole == 'SELLER'
    }

    def "a helper is refused #why, and nothing changes"() {
        given:
        UUID seller = registeredSeller()
        String helperPhone = phone()
        UUID helper = registeredHelper(helperPhone)
        def delegation = grant(seller, helperPhone, scopes)
        prepare(this, seller, delegation.id as String)
        def before = Infra.rows(tx, 'SELECT * FROM sellers WHERE id = ?', [seller.toString()])

        when:
        def response = call(HttpRequest.PUT("/api/v1/sellers/$seller/profile", profile(representative: 'Người lạ'))
                .bearerAuth(helperToken(helper)))

        then:
        response.status().code == 403
        body(response).code == code
        Infra.rows(tx, 'SELECT * FROM sellers WHERE id = ?', [seller.toString()]) == before

        where:
        why                                | scopes        | prepare                                                                   || code
        'outside its delegation'           | ['LISTINGS']  | { spec, s, d -> }                                                         || 'outside_delegation'
        'after the seller revoked it'      | ['PROFILE']   | { spec, s, d -> spec.revoke(s, d) }                                       || 'no_delegation'
        'after it expired'                 | ['PROFILE']   | { spec, s, d -> spec.expire(d) }                                          || 'delegation_expired'
    }

    void revoke(UUID seller, String delegation) {
        assert call(HttpRequest.DELETE("/api/v1/sellers/$seller/delegations/$delegation").bearerAuth(TestIdentity.seller(seller)))
                .status().code == 204
    }

    void expire(String delegation) {
        Infra.execute(tx, 'UPDATE delegations SET valid_until = ? WHERE id = ?', [java.sql.Timestamp.from(Instant.now().minusSeconds(1)), delegation])
    }

    def "a helper without any delegation, and a helper setting the payout account, are refused"() {
        given:
        UUID seller = registeredSeller()
        String helperPhone = phone()
        UUID helper = registeredHelper(helperPhone)

        expect:
        body(call(HttpRequest.PUT("/api/v1/sellers/$seller/profile", profile()).bearerAuth(helperToken(helper)))).code == 'no_delegation'

        when:
        grant(seller, helperPhone, ['PROFILE'])

        then: 'money stays with the seller'
        call(HttpRequest.PUT("/api/v1/sellers/$seller/payout-account", BANK_PAYOUT).bearerAuth(helperToken(helper))).status().code == 403
    }

    def "granting to #helperRef or until #when is refused with #status"() {
        given:
        UUID seller = registeredSeller()

        expect:
        def response = call(HttpRequest.POST("/api/v1/sellers/$seller/delegations",
                [helper: helperRef, scopes: ['PROFILE'], validUntil: until.toString()]).bearerAuth(TestIdentity.seller(seller)))
        response.status().code == status
        Infra.count(tx, 'SELECT COUNT(*) FROM delegations WHERE seller_id = ?', [seller.toString()]) == 0

        where:
        helperRef         | when               | until                                         || status
        '0900000000'      | 'next month'       | Instant.now().plus(30, ChronoUnit.DAYS)       || 422
        'nobody@ocop.vn'  | 'next month'       | Instant.now().plus(30, ChronoUnit.DAYS)       || 422
        '0900000001'      | 'yesterday'        | Instant.now().minus(1, ChronoUnit.DAYS)       || 400
    }

    def "granting again replaces the active delegation; another seller sees none of it"() {
        given:
        UUID seller = registeredSeller()
        String helperPhone = phone()
        registeredHelper(helperPhone)

        when:
        grant(seller, helperPhone, ['PROFILE'])
        grant(seller, helperPhone, ['LISTINGS', 'STOCK'])
        def list = read(HttpRequest.GET("/api/v1/sellers/$seller/delegations").bearerAuth(TestIdentity.seller(seller)))

        then:
        list*.state == ['ACTIVE', 'REVOKED']
        list.first().scopes.toSet() == ['LISTINGS', 'STOCK'].toSet()

        and:
        call(HttpRequest.GET("/api/v1/sellers/$seller/delegations").bearerAuth(TestIdentity.seller(Ids.newId()))).status().code == 403
        call(HttpRequest.GET("/api/v1/sellers/$seller/activity").bearerAuth(TestIdentity.seller(Ids.newId()))).status().code == 403
    }

    static String helperToken(UUID helper) {
        TestIdentity.token(helper, ['HELPER'])
    }
}
