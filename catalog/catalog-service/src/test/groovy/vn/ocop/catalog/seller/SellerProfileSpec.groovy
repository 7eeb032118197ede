package vn.ocop.catalog.seller

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.SellerPayoutAccountChanged
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

@MicronautTest(transactional = false)
class SellerProfileSpec extends CatalogSpecification {

    def "#problem: 400 naming #field, and the profile is unchanged"() {
        given:
        UUID seller = registeredSeller()
        def before = Infra.rows(tx, 'SELECT * FROM sellers WHERE id = ?', [seller.toString()])

        when:
        def response = call(HttpRequest.PUT("/api/v1/sellers/$seller/profile", profile(change))
                .bearerAuth(TestIdentity.seller(seller)))

        then:
        response.status().code == 400
        body(response).errors*.field == [field]
        Infra.rows(tx, 'SELECT * FROM sellers WHERE id = ?', [seller.toString()]) == before

        where:
        problem                                 | change                                                                        || field
        'an unknown commune code'               | [address: profile().address + [communeCode: '99999']]                         || 'address.communeCode'
        'a commune of another province'         | [address: profile().address + [communeCode: '00004']]                         || 'address.communeCode'
        'a province abolished in 2025'          | [address: profile().address + [provinceCode: '94']]                           || 'address.provinceCode'
        'a former district outside the province' | [address: profile().address + [legacyDistrictCode: '001']]                   || 'address.legacyDistrictCode'
        'an enterprise without a tax code'      | [businessCode: 'ABC-12345']                                                   || 'businessCode'
        'a phone that is not Vietnamese'        | [phone: '+1 555 0100']                                                        || 'phone'
        'an unknown seller type'                | [sellerType: 'CORPORATION']                                                   || 'sellerType'
    }

    def "a household business may give its registration number instead of a tax code"() {
        given:
        UUID seller = registeredSeller()

        expect:
        call(HttpRequest.PUT("/api/v1/sellers/$seller/profile", profile(sellerType: 'HOUSEHOLD_BUSINESS', businessCode: '59A8012345'))
                .bearerAuth(TestIdentity.seller(seller))).status().code == 200
    }

    def "a verified seller that changes its legal name is verified again; a new representative is not"() {
        given:
        UUID seller = verifiedSeller()
        def token = TestIdentity.seller(seller)

        when:
        def sameSubject = call(HttpRequest.PUT("/api/v1/sellers/$seller/profile", profile(representative: 'Hồ Văn Tâm')).bearerAuth(token))

        then:
        body(sameSubject).status == 'VERIFIED'
        body(sameSubject).representative == 'Hồ Văn Tâm'

        when:
        def renamed = call(HttpRequest.PUT("/api/v1/sellers/$seller/profile", profile(legalName: 'Công ty TNHH Gạo Hồ Quang'))
                .bearerAuth(token))

        then:
        body(renamed).status == 'PENDING'
        body(renamed).statusReason == 'legal details changed; to be verified again'
        Infra.rows(tx, 'SELECT to_status FROM seller_status_history WHERE seller_id = ? ORDER BY id', [seller.toString()])*.to_status ==
                ['PENDING', 'VERIFIED', 'PENDING']
    }

    def "the payout account: a bank account by BIN with the holder as banks print it, or a wallet"() {
        given:
        UUID seller = registeredSeller()
        def token = TestIdentity.seller(seller)

        when:
        def bank = call(HttpRequest.PUT("/api/v1/sellers/$seller/payout-account", BANK_PAYOUT).bearerAuth(token))

        then:
        body(bank).payout == [method: 'BANK_ACCOUNT', institution: '970436', account: '0071000123456', holder: 'HO QUANG CUA']

        when:
        def incomplete = call(HttpRequest.PUT("/api/v1/sellers/$seller/payout-account", [method: 'MOBILE_WALLET', wallet: 'MOMO'])
                .bearerAuth(token))

        then:
        incomplete.status().code == 400
        body(incomplete).errors*.field == ['walletPhone']

        when:
        def wallet = call(HttpRequest.PUT("/api/v1/sellers/$seller/payout-account",
                [method: 'MOBILE_WALLET', wallet: 'MOMO', walletPhone: '0987654321']).bearerAuth(token))

        then:
        body(wallet).payout == [method: 'MOBILE_WALLET', institution: 'MOMO', account: '0987654321']

        and: 'the change is in the seller activity log, the account masked'
        def log = body(call(HttpRequest.GET("/api/v1/sellers/$seller/activity").bearerAuth(token))).items
        log*.action.take(2) == ['PAYOUT_ACCOUNT_SET', 'PAYOUT_ACCOUNT_SET']
        log.first().summary == 'MOBILE_WALLET MOMO ***4321'

        and: 'each change went out to payments, newest with the higher revision; the refused one did not'
        conditions.eventually {
            def changes = TestEvents.read(redis, json, CatalogEvents.STREAM, SellerPayoutAccountChanged.TYPE)
                    .findAll { it.aggregateId == seller.toString() }*.data
            assert changes.size() == 2
            assert changes[0].subMap('sellerId', 'method', 'institution', 'account', 'holder') == [sellerId: seller.toString(),
                    method: 'BANK_ACCOUNT', institution: '970436', account: '0071000123456', holder: 'HO QUANG CUA']
            assert changes[1].subMap('method', 'institution', 'account') ==
                    [method: 'MOBILE_WALLET', institution: 'MOMO', account: '0987654321']
            assert changes[1].holder == null
            assert changes[1].revision > changes[0].revision
        }
    }

    def "another seller's refused payout change publishes nothing"() {
        given:
        UUID seller = registeredSeller()
        UUID other = registeredSeller('Nước mắm Đại Đồng')

        when:
        def refused = call(HttpRequest.PUT("/api/v1/sellers/$seller/payout-account", BANK_PAYOUT).bearerAuth(TestIdentity.seller(other)))

        then:
        refused.status().code == 403
        Infra.count(tx, 'SELECT COUNT(*) FROM outbox WHERE event_type = ? AND aggregate_id = ?',
                [SellerPayoutAccountChanged.TYPE, seller.toString()]) == 0
    }

    def "a seller cannot edit another seller's profile"() {
        given:
        UUID seller = registeredSeller()
        UUID other = registeredSeller('Nước mắm Đại Đồng')

        expect:
        def response = call(HttpRequest.PUT("/api/v1/sellers/$seller/profile", profile()).bearerAuth(TestIdentity.seller(other)))
        response.status().code == 403
        body(response).code == 'not_your_seller'
        call(HttpRequest.PUT("/api/v1/sellers/$seller/payout-account", BANK_PAYOUT).bearerAuth(TestIdentity.seller(other)))
                .status().code == 403
    }

    def "the seller reads its own profile at /me, with what only it sees"() {
        given:
        UUID seller = registeredSeller()
        completeProfile(seller)

        expect:
        with(body(call(HttpRequest.GET('/api/v1/sellers/me').bearerAuth(TestIdentity.seller(seller))))) {
            id == seller.toString()
            email == 'st25@example.vn'
            payout.institution == '970436'
        }
        call(HttpRequest.GET('/api/v1/sellers/me').bearerAuth(TestIdentity.buyer(Ids.newId()))).status().code == 403
    }
}
