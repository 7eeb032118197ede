package vn.ocop.catalog.seller

import io.micronaut.core.type.Argument
import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.platform.Infra
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

@MicronautTest(transactional = false)
class SellerOnboardingSpec extends CatalogSpecification {

    def "a seller who registers in identity waits for verification by an officer of their province"() {
        given:
        UUID seller = registeredSeller('HTX Nông nghiệp Mỹ Xuyên')
        UUID officer = Ids.newId()

        expect: 'pending sellers are listed for the officer (oldest first, page by page), and are not public yet'
        pendingFor(TestIdentity.officer(officer, CAN_THO)).contains(seller.toString())
        call(HttpRequest.GET("/api/v1/sellers/$seller")).status().code == 404

        when: 'the officer cannot verify a profile that lacks the registration code, representative, address or payout'
        def incomplete = call(HttpRequest.POST("/api/v1/sellers/$seller/decisions", [decision: 'VERIFY'])
                .bearerAuth(TestIdentity.officer(officer, CAN_THO)))

        then:
        incomplete.status().code == 422
        body(incomplete).code == 'seller_profile_incomplete'
        body(incomplete).errors*.field.containsAll(['businessCode', 'representative', 'address.street', 'payout'])

        when:
        completeProfile(seller, [displayName: 'HTX Nông nghiệp Mỹ Xuyên', sellerType: 'COOPERATIVE'])
        def response = call(HttpRequest.POST("/api/v1/sellers/$seller/decisions", [decision: 'VERIFY'])
                .bearerAuth(TestIdentity.officer(officer, CAN_THO)))

        then:
        response.status().code == 200
        body(response).status == 'VERIFIED'

        and: 'the profile is public and the change is in the history, with who made it'
        body(call(HttpRequest.GET("/api/v1/sellers/$seller"))).displayName == 'HTX Nông nghiệp Mỹ Xuyên'
        def history = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/sellers/$seller/history")
                .bearerAuth(TestIdentity.seller(seller)), Argument.listOf(Map))
        history*.to == ['PENDING', 'VERIFIED']
        with(body(call(HttpRequest.GET("/api/v1/sellers/$seller")))) {
            businessCode == '2200123456'
            address.communeName == 'Phường Mỹ Xuyên'
            address.provinceName == 'Thành phố Cần Thơ'
            address.legacyDistrictName == 'Huyện Mỹ Xuyên'
            payout == null // only for the seller and officials
        }
        history.last().actorId == officer.toString()
    }

    List<String> pendingFor(String token) {
        List<String> ids = []
        String cursor = null
        while (true) {
            def page = body(call(HttpRequest.GET('/api/v1/sellers?limit=200' + (cursor ? "&cursor=$cursor" : '')).bearerAuth(token)))
            ids.addAll(page.items*.id)
            cursor = page.nextCursor
            if (!cursor) {
                return ids
            }
        }
    }

    def "the same registration delivered twice creates one seller"() {
        given:
        UUID seller = registeredSeller()

        expect:
        Infra.count(tx, 'SELECT COUNT(*) FROM seller_status_history WHERE seller_id = ?', [seller.toString()]) == 1
    }

    def "#who cannot decide on a seller of Cần Thơ"() {
        given:
        UUID seller = registeredSeller()

        when:
        def response = call(HttpRequest.POST("/api/v1/sellers/$seller/decisions", [decision: 'VERIFY']).bearerAuth(token))

        then:
        response.status().code == status
        Infra.rows(tx, 'SELECT status FROM sellers WHERE id = ?', [seller.toString()]).first().status == 'PENDING'

        where:
        who                               | token                                        || status
        'an officer of Hà Nội'            | TestIdentity.officer(Ids.newId(), '01')      || 403
        'the seller itself'               | TestIdentity.seller(Ids.newId())             || 403
        'a buyer'                         | TestIdentity.buyer(Ids.newId())              || 403
    }

    def "rejecting without a reason is refused, and a rejected seller cannot be suspended"() {
        given:
        UUID seller = registeredSeller()
        def officer = TestIdentity.officer(Ids.newId(), CAN_THO)

        expect:
        def noReason = call(HttpRequest.POST("/api/v1/sellers/$seller/decisions", [decision: 'REJECT']).bearerAuth(officer))
        noReason.status().code == 400
        body(noReason).errors*.field == ['reason']

        call(HttpRequest.POST("/api/v1/sellers/$seller/decisions", [decision: 'REJECT', reason: 'Thiếu giấy phép kinh doanh'])
                .bearerAuth(officer)).status().code == 200
        def conflict = call(HttpRequest.POST("/api/v1/sellers/$seller/decisions", [decision: 'SUSPEND', reason: 'x'])
                .bearerAuth(officer))
        conflict.status().code == 409
        body(conflict).code == 'seller_status_conflict'
    }
}
