package vn.ocop.catalog.product

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import spock.util.concurrent.PollingConditions
import java.time.Instant
import java.time.LocalDate
import java.time.temporal.ChronoUnit
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.ProductPublished
import vn.ocop.catalog.api.ProductSuspended
import vn.ocop.catalog.api.SkuPriceChanged
import vn.ocop.catalog.api.StockAdjusted
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

@MicronautTest(transactional = false)
class ProductLifecycleSpec extends CatalogSpecification {

    String seller(UUID id) { TestIdentity.seller(id) }

    String officer(String province = CAN_THO) { TestIdentity.officer(Ids.newId(), province) }

    List<Map> events(String type, Object productId) {
        TestEvents.read(redis, json, CatalogEvents.STREAM, type).findAll { it.aggregateId == productId.toString() }
    }

    def "a certified product shows its OCOP stars once an officer approves the claim, and only while valid"() {
        given:
        UUID sellerId = verifiedSeller()
        def product = listed(sellerId, [name: 'Gạo ST25 hữu cơ'])
        String number = certificate(4)

        when: 'the seller claims the certificate'
        def claimed = call(HttpRequest.POST("/api/v1/products/${product.id}/certificate-claim", [certificateNumber: number])
                .bearerAuth(seller(sellerId)))

        then: 'no stars yet; the claim waits in the officer list'
        body(claimed).certificateClaim.status == 'CLAIMED'
        body(call(HttpRequest.GET("/api/v1/products/${product.id}"))).ocop == null
        read(HttpRequest.GET('/api/v1/products/certificate-claims').bearerAuth(officer()))*.productId.contains(product.id)

        when: 'an officer of another province cannot decide; rejecting needs a note'
        def outside = call(HttpRequest.POST("/api/v1/products/${product.id}/certificate-claim/decision", [decision: 'APPROVE'])
                .bearerAuth(officer('01')))
        def noNote = call(HttpRequest.POST("/api/v1/products/${product.id}/certificate-claim/decision", [decision: 'REJECT'])
                .bearerAuth(officer()))

        then:
        outside.status().code == 403
        noNote.status().code == 400

        when:
        call(HttpRequest.POST("/api/v1/products/${product.id}/certificate-claim/decision", [decision: 'APPROVE'])
                .bearerAuth(officer()))

        then:
        with(body(call(HttpRequest.GET("/api/v1/products/${product.id}"))).ocop) {
            stars == 4
            certificateNumber == number
        }

        and: 'other services get a snapshot carrying the approved certificate, newer than the published one'
        new PollingConditions(timeout: 5).eventually {
            def snapshot = events(ProductPublished.TYPE, product.id).last().data
            assert snapshot.revision > product.revision
            assert snapshot.ocopCertificate == [number: number, stars: 4, issuedOn: '2025-01-15',
                                                expiresOn: snapshot.ocopCertificate.expiresOn, revoked: false]
            assert LocalDate.parse(snapshot.ocopCertificate.expiresOn).isAfter(LocalDate.parse('2025-01-15'))
        }
        long approvedRevision = events(ProductPublished.TYPE, product.id).last().data.revision as long

        when: 'the trade office revokes the certificate'
        def csv = 'certificate_number,product_name,subject_name,subject_code,stars,group,issuing_level,issue_date,status,' +
                "province_code\n$number,Sản phẩm thử,Chủ thể thử,2200123456,4,FOOD,PROVINCE,2025-01-15,REVOKED,$CAN_THO\n"
        call(HttpRequest.POST('/api/v1/ocop/certificates/imports', csv.getBytes('UTF-8')).contentType('text/csv').bearerAuth(officer()))

        then:
        body(call(HttpRequest.GET("/api/v1/products/${product.id}"))).ocop == null

        and: 'the registry decision reaches other services too: a newer snapshot with the certificate revoked'
        new PollingConditions(timeout: 5).eventually {
            def snapshot = events(ProductPublished.TYPE, product.id).last().data
            assert snapshot.revision > approvedRevision
            assert snapshot.ocopCertificate.number == number
            assert snapshot.ocopCertificate.revoked == true
        }
    }

    def "a claim is refused for #why"() {
        given:
        UUID sellerId = verifiedSeller()
        def product = listed(sellerId, [name: 'Bánh pía sầu riêng'])
        String number = certificate.call(this)

        expect:
        def response = call(HttpRequest.POST("/api/v1/products/${product.id}/certificate-claim", [certificateNumber: number])
                .bearerAuth(seller(sellerId)))
        response.status().code == 422
        body(response).code == code

        where:
        why                                       | certificate                                                || code
        'a certificate of another OCOP subject'   | { spec -> spec.certificate(3, '2025-01-15', '', '0300111222') } || 'certificate_other_subject'
        'an expired certificate'                  | { spec -> spec.certificate(3, '2020-01-15') }              || 'certificate_not_valid'
        'a number not in the registry'            | { spec -> 'KHONG-CO-SO-NAY' }                               || 'certificate_not_found'
    }

    def "a price change is a new revision: other services get the new snapshot and the change itself"() {
        given:
        UUID sellerId = verifiedSeller()
        def product = listed(sellerId, [name: 'Nước mắm cá linh'], 30, 120_000)
        def sku = product.skus[0]

        when:
        def changed = call(HttpRequest.PUT("/api/v1/products/${product.id}/skus/${sku.id}/price", [priceVnd: 99_000])
                .bearerAuth(seller(sellerId)))

        then:
        body(changed).revision == product.revision + 1
        body(changed).skus[0].priceVnd == 99000
        conditions.eventually {
            assert events(SkuPriceChanged.TYPE, product.id)*.data*.subMap(['oldPriceVnd', 'newPriceVnd']) ==
                    [[oldPriceVnd: 120000, newPriceVnd: 99000]]
            assert events(ProductPublished.TYPE, product.id).last().data.skus[0].priceVnd == 99000
            assert events(ProductPublished.TYPE, product.id).last().data.revision == product.revision + 1
        }
        Infra.rows(tx, 'SELECT available, reserved, sold FROM skus WHERE id = ?', [sku.id]) == [[available: 30, reserved: 0, sold: 0]]
    }

    def "stock adjusted by hand: a ledger row with who and why, an event; never below zero"() {
        given:
        UUID sellerId = verifiedSeller()
        def product = listed(sellerId, [name: 'Tôm khô Vĩnh Châu'], 10)
        def sku = product.skus[0]

        when:
        def restocked = call(HttpRequest.POST("/api/v1/products/${product.id}/skus/${sku.id}/stock-adjustments",
                [delta: 40, reason: 'RESTOCK']).bearerAuth(seller(sellerId)))

        then:
        body(restocked).skus[0].available == 50
        Infra.rows(tx, "SELECT delta_available, reason, reference, actor_id FROM stock_movements WHERE sku_id = ? AND reason = 'ADJUSTMENT'",
                [sku.id]) == [[delta_available: 40, reason: 'ADJUSTMENT', reference: 'RESTOCK', actor_id: sellerId.toString()]]
        conditions.eventually {
            assert events(StockAdjusted.TYPE, product.id)*.data*.subMap(['delta', 'available', 'reason']) ==
                    [[delta: 40, available: 50, reason: 'RESTOCK']]
        }

        when:
        def tooMuch = call(HttpRequest.POST("/api/v1/products/${product.id}/skus/${sku.id}/stock-adjustments",
                [delta: -51, reason: 'DAMAGED']).bearerAuth(seller(sellerId)))

        then:
        tooMuch.status().code == 409
        body(tooMuch).code == 'stock_below_zero'
        stock(UUID.fromString(sku.id)).available == 50
    }

    def "a helper lists for the seller within its delegation; the seller's log says who did it"() {
        given:
        UUID sellerId = verifiedSeller()
        String phone = '09' + String.format('%08d', new Random().nextInt(100_000_000))
        UUID helper = registeredHelper(phone)
        call(HttpRequest.POST("/api/v1/sellers/$sellerId/delegations", [helper: phone, scopes: ['LISTINGS'],
                validUntil: Instant.now().plus(7, ChronoUnit.DAYS).toString()]).bearerAuth(seller(sellerId)))
        def helperToken = TestIdentity.token(helper, ['HELPER'])

        when:
        def created = call(HttpRequest.POST('/api/v1/products', newProduct('Mật ong rừng U Minh') + [sellerId: sellerId.toString()])
                .bearerAuth(helperToken))
        def published = call(HttpRequest.POST("/api/v1/products/${body(created).id}/publish", '').bearerAuth(helperToken))

        then:
        created.status().code == 201
        body(created).seller.id == sellerId.toString()
        published.status().code == 200
        body(call(HttpRequest.GET("/api/v1/sellers/$sellerId/activity").bearerAuth(seller(sellerId)))).items
                .findAll { it.actorRole == 'HELPER' }*.action == ['PRODUCT_PUBLISHED', 'PRODUCT_CREATED']

        and: 'stock is outside this delegation'
        def adjust = call(HttpRequest.POST("/api/v1/products/${body(created).id}/skus/${body(created).skus[0].id}/stock-adjustments",
                [delta: 5, reason: 'RESTOCK']).bearerAuth(helperToken))
        adjust.status().code == 403
        body(adjust).code == 'outside_delegation'
    }

    def "an officer suspends a listing; only an official puts it back on sale"() {
        given:
        UUID sellerId = verifiedSeller()
        def product = listed(sellerId, [name: 'Lạp xưởng tươi'])

        when:
        def outside = call(HttpRequest.POST("/api/v1/products/${product.id}/suspend", [reason: 'x']).bearerAuth(officer('01')))
        def suspended = call(HttpRequest.POST("/api/v1/products/${product.id}/suspend", [reason: 'Nhãn ghi sai hạn dùng'])
                .bearerAuth(officer()))

        then:
        outside.status().code == 403
        body(suspended).status == 'SUSPENDED'
        call(HttpRequest.GET("/api/v1/products/${product.id}")).status().code == 404
        conditions.eventually {
            assert events(ProductSuspended.TYPE, product.id)*.data*.by == ['OFFICER']
        }

        when:
        def bySeller = call(HttpRequest.POST("/api/v1/products/${product.id}/publish", '').bearerAuth(seller(sellerId)))
        def byOfficer = call(HttpRequest.POST("/api/v1/products/${product.id}/publish", '').bearerAuth(officer()))

        then:
        bySeller.status().code == 403
        body(bySeller).code == 'suspended_by_official'
        byOfficer.status().code == 200
    }

    def "the seller edits details; a seller cannot touch another seller's product"() {
        given:
        UUID sellerId = verifiedSeller()
        def product = listed(sellerId, [name: 'Bánh tráng'])
        def details = [name: 'Bánh tráng phơi sương', nameEn: 'Dew-dried rice paper', ocopGroup: 'FOOD', category: 'Bánh',
                       originCommuneCode: MY_XUYEN_COMMUNE, images: ['https://cdn.example.vn/banh-trang.jpg']]

        when:
        def edited = call(HttpRequest.PUT("/api/v1/products/${product.id}", details).bearerAuth(seller(sellerId)))
        def other = call(HttpRequest.PUT("/api/v1/products/${product.id}", details).bearerAuth(seller(verifiedSeller('Người khác'))))

        then:
        with(body(edited)) {
            name == 'Bánh tráng phơi sương'
            nameEn == 'Dew-dried rice paper'
            images == ['https://cdn.example.vn/banh-trang.jpg']
            origin.communeName == 'Phường Mỹ Xuyên'
            revision == product.revision + 1
        }
        other.status().code == 403
        body(other).code == 'not_your_product'
    }

    def "anonymous product pages, served through the read cache, stay right across many products and changes"() {
        given:
        UUID sellerId = verifiedSeller()
        def products = (1..30).collect { listed(sellerId, [name: "Bánh phồng tôm $it"], 10, 50_000) }

        when: 'every page twice, the second time from the cache'
        List<Integer> statuses = []
        for (int round = 0; round < 2; round++) {
            for (Map product : products) {
                statuses << call(HttpRequest.GET("/api/v1/products/${product.id}")).status().code
            }
        }

        then:
        statuses == [200] * 60

        when: 'a price changes through this instance'
        call(HttpRequest.PUT("/api/v1/products/${products[3].id}/skus/${products[3].skus[0].id}/price", [priceVnd: 45_000])
                .bearerAuth(seller(sellerId)))

        then: 'the next anonymous read shows it at once'
        body(call(HttpRequest.GET("/api/v1/products/${products[3].id}"))).skus[0].priceVnd == 45000
    }

    def "#problem is refused with 400 naming #field"() {
        given:
        UUID sellerId = verifiedSeller()

        expect:
        def response = call(HttpRequest.POST('/api/v1/products', newProduct() + change).bearerAuth(seller(sellerId)))
        response.status().code == 400
        body(response).errors*.field == [field]

        where:
        problem                    | change                                    || field
        'an unknown OCOP group'    | [ocopGroup: 'SNACKS']                     || 'ocopGroup'
        'an unknown commune'       | [originCommuneCode: '99999']              || 'originCommuneCode'
        'a photo that is not https'| [images: ['http://example.vn/a.jpg']]     || 'images[0]'
    }
}
