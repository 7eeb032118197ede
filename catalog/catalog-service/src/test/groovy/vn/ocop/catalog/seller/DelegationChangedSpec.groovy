package vn.ocop.catalog.seller

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import java.time.Instant
import java.time.temporal.ChronoUnit
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.DelegationChanged
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.security.TestIdentity

/** What other services (orders) learn of a seller's delegations: the pair's whole state after every change. */
@MicronautTest(transactional = false)
class DelegationChangedSpec extends CatalogSpecification {

    static String phone() { '09' + String.format('%08d', new Random().nextInt(100_000_000)) }

    def "granting ORDERS, granting again and revoking publish the pair's whole state with growing revisions"() {
        given:
        UUID seller = registeredSeller()
        String helperPhone = phone()
        UUID helper = registeredHelper(helperPhone)
        Instant until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)

        when: 'the seller lets the helper fulfil its orders, then narrows the grant, then revokes it'
        def first = grant(seller, helperPhone, ['ORDERS', 'LISTINGS'], until)
        def second = grant(seller, helperPhone, ['ORDERS'], until.plus(1, ChronoUnit.DAYS))
        revoke(seller, second.id)

        then: 'the helper sees ORDERS among its scopes while granted'
        first.scopes.toSet() == ['ORDERS', 'LISTINGS'].toSet()

        and:
        conditions.eventually {
            assert changes(seller).size() == 3
        }
        def (granted, replaced, revoked) = changes(seller)
        granted.aggregateId == first.id
        granted.data == [delegationId: first.id, sellerId: seller.toString(), helperId: helper.toString(),
                         scopes      : ['LISTINGS', 'ORDERS'], validUntil: until.toString(), revoked: false, revision: 1,
                         changedAt   : first.grantedAt]
        replaced.data.delegationId == second.id
        replaced.data.scopes == ['ORDERS']
        replaced.data.validUntil == until.plus(1, ChronoUnit.DAYS).toString()
        replaced.data.revision == 2
        !replaced.data.revoked
        revoked.data.delegationId == second.id
        revoked.data.revoked
        revoked.data.scopes == []
        revoked.data.validUntil == null
        revoked.data.revision == 3
        Instant.parse(revoked.data.changedAt) >= Instant.parse(replaced.data.changedAt)
    }

    def "revoking again answers 204 and publishes nothing new"() {
        given:
        UUID seller = registeredSeller()
        String helperPhone = phone()
        registeredHelper(helperPhone)
        def delegation = grant(seller, helperPhone, ['ORDERS'])
        revoke(seller, delegation.id)

        when:
        revoke(seller, delegation.id)

        then: 'the outbox holds the grant and the first revocation only (written with them, so no waiting needed)'
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox WHERE event_type = ? AND aggregate_id = ?',
                [DelegationChanged.TYPE, delegation.id]) == 2
        conditions.eventually {
            assert changes(seller)*.data*.revision == [1, 2]
        }
    }

    def "a grant refused for #why publishes nothing"() {
        given:
        UUID seller = registeredSeller()

        when:
        def response = call(HttpRequest.POST("/api/v1/sellers/$seller/delegations", [helper: helperRef, scopes: scopes,
                validUntil: Instant.now().plus(30, ChronoUnit.DAYS).toString()]).bearerAuth(TestIdentity.seller(seller)))

        then:
        response.status().code == status
        Infra.count(tx, "SELECT COUNT(*) FROM outbox WHERE event_type = ? AND envelope LIKE ?",
                [DelegationChanged.TYPE, "%$seller%".toString()]) == 0

        where:
        why                | helperRef    | scopes       || status
        'an unknown helper' | '0900000000' | ['ORDERS']  || 422
        'an unknown scope' | phone()      | ['PAYOUTS']  || 400
    }

    def "#n grants racing for one pair leave one active delegation, announced last with revision #n"() {
        given:
        UUID seller = registeredSeller()
        String helperPhone = phone()
        registeredHelper(helperPhone)
        def pool = Executors.newFixedThreadPool(n)

        when:
        List<Map> granted = pool.invokeAll((1..n).collect { i ->
            { -> grant(seller, helperPhone, i % 2 ? ['ORDERS'] : ['ORDERS', 'STOCK']) } as Callable<Map>
        })*.get()

        then:
        granted.size() == n
        def list = read(HttpRequest.GET("/api/v1/sellers/$seller/delegations").bearerAuth(TestIdentity.seller(seller)))
        list.count { it.state == 'ACTIVE' } == 1
        String active = list.find { it.state == 'ACTIVE' }.id

        and: 'one snapshot per grant, revisions 1 to n in commit order: the newest names the active delegation'
        conditions.eventually {
            assert changes(seller).size() == n
        }
        def events = changes(seller)*.data
        events*.revision.sort() == (1..n).toList()
        events.max { it.revision }.delegationId == active
        events*.delegationId.toSet() == granted*.id.toSet()

        cleanup:
        pool?.shutdown()

        where:
        n << [8]
    }

    Map grant(UUID seller, String helper, List scopes, Instant until = Instant.now().plus(30, ChronoUnit.DAYS)) {
        def response = call(HttpRequest.POST("/api/v1/sellers/$seller/delegations",
                [helper: helper, scopes: scopes, validUntil: until.toString()]).bearerAuth(TestIdentity.seller(seller)))
        assert response.status().code == 201
        body(response)
    }

    void revoke(UUID seller, Object delegation) {
        assert call(HttpRequest.DELETE("/api/v1/sellers/$seller/delegations/$delegation").bearerAuth(TestIdentity.seller(seller)))
                .status().code == 204
    }

    /** The seller's DelegationChanged envelopes on catalog's stream, in the order they were published. */
    List<Map> changes(UUID seller) {
        TestEvents.read(redis, json, CatalogEvents.STREAM, DelegationChanged.TYPE).findAll { it.data.sellerId == seller.toString() }
    }
}
