package vn.ocop.catalog.search

import io.micronaut.http.HttpRequest
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import vn.ocop.catalog.CatalogSpecification
import vn.ocop.orders.api.CheckoutPlaced
import vn.ocop.orders.api.OrderPaid
import vn.ocop.orders.api.OrdersEvents
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.platform.security.TestIdentity

@MicronautTest(transactional = false)
class SearchSpec extends CatalogSpecification {

    Map search(UUID seller, String params) {
        body(call(HttpRequest.GET("/api/v1/products?seller=$seller&$params" + (params.contains('limit=') ? '' : '&limit=100'))))
    }

    static String q(String words) {
        'q=' + URLEncoder.encode(words, 'UTF-8')
    }

    def "'#query' finds '#name': no accents, no case, đ as d, two-letter words"() {
        given:
        UUID seller = verifiedSeller()
        def product = listed(seller, [name: name])

        expect:
        search(seller, q(query)).items*.productId == [product.id]

        where:
        name                             | query
        'Gạo ST25 Ông Cua'               | 'gao st25'
        'Gạo ST25 Ông Cua'               | 'gạo ST25'
        'Gạo ST25 Ông Cua'               | 'gao st2'
        'Khô cá lóc Út Hiền'             | 'kho ca loc'
        'Mè đen rang'                    | 'me den'
        'Trà lá sen Đồng Tháp'           | 'tra la sen'
        'Đặc sản bánh pía Sóc Trăng'     | 'DAC SAN banh pia'
    }

    def "words that are not all there find nothing; a word in the name ranks above the same word elsewhere"() {
        given:
        UUID seller = verifiedSeller()
        def inCategory = listed(seller, [name: 'Bánh tráng', category: 'Đặc sản mật ong'])
        def inName = listed(seller, [name: 'Mật ong hoa nhãn', category: 'Ong'])

        expect:
        search(seller, q('gao st25')).items == []
        search(seller, q('mat ong')).items*.productId == [inName.id, inCategory.id]
    }

    def "filters by valid stars, group, place, price, stock and seller, with facet counts over the matches"() {
        given:
        UUID seller = verifiedSeller()
        def fourStars = listed(seller, [name: 'Gạo ST25 túi', ocopGroup: 'FOOD'], 50, 220_000)
        def lapsed = listed(seller, [name: 'Trà mãng cầu', ocopGroup: 'BEVERAGES'], 50, 50_000)
        def soldOut = listed(seller, [name: 'Tôm khô', ocopGroup: 'FOOD'], 0, 100_000)
        def hanoi = listed(seller, [name: 'Nón lá', ocopGroup: 'HANDICRAFTS', originCommuneCode: '00004'], 5, 500_000)
        certify(seller, fourStars.id, certificate(4))
        String lapsing = certificate(3)
        certify(seller, lapsed.id, lapsing)

        when: 'the province re-imports the list with the tea certificate expired'
        def csv = 'certificate_number,product_name,subject_name,subject_code,stars,group,issuing_level,issue_date,' +
                "expiry_date,province_code\n$lapsing,Sản phẩm thử,Chủ thể thử,2200123456,3,FOOD,PROVINCE,2021-01-15,2024-01-15,$CAN_THO\n"
        call(HttpRequest.POST('/api/v1/ocop/certificates/imports', csv.getBytes('UTF-8')).contentType('text/csv')
                .bearerAuth(TestIdentity.officer(Ids.newId(), CAN_THO)))

        then:
        search(seller, 'stars=3').items*.productId == [fourStars.id]
        search(seller, 'stars=5').items == []
        search(seller, 'group=FOOD').items*.productId.toSet() == [fourStars.id, soldOut.id].toSet()
        search(seller, 'province=01').items*.productId == [hanoi.id]
        search(seller, "province=92&commune=$MY_XUYEN_COMMUNE").items.size() == 3
        search(seller, 'minPrice=90000&maxPrice=250000').items*.productId.toSet() == [fourStars.id, soldOut.id].toSet()
        search(seller, 'inStock=true').items*.productId.toSet() == [fourStars.id, lapsed.id, hanoi.id].toSet()

        and: 'what a result card shows'
        with(search(seller, 'group=FOOD&sort=PRICE_DESC').items[0]) {
            productId == fourStars.id
            stars == 4
            priceFromVnd == 220000
            ocopGroupLabel == 'Thực phẩm'
            communeName == 'Phường Mỹ Xuyên'
            provinceName == 'Thành phố Cần Thơ'
            inStock
        }

        and: 'facets count every match, the expired certificate shows no stars'
        with(search(seller, '')) {
            total == 4
            facets.groups.collectEntries { [it.value, it.count] } == [BEVERAGES: 1, FOOD: 2, HANDICRAFTS: 1]
            facets.stars.collectEntries { [it.value, it.count] } == ['4': 1]
            facets.provinces.collectEntries { [it.value, it.count] } == ['01': 1, '92': 3]
            facets.inStock == 3
        }
    }

    def "sorted by price, newest and best-selling; sales move the order as they happen"() {
        given:
        UUID seller = verifiedSeller()
        def cheap = listed(seller, [name: 'Bánh pía nhỏ'], 50, 30_000)
        def dear = listed(seller, [name: 'Bánh pía lớn'], 50, 90_000)
        def middle = listed(seller, [name: 'Bánh pía vừa'], 50, 60_000)

        expect:
        search(seller, 'sort=PRICE_ASC').items*.productId == [cheap.id, middle.id, dear.id]
        search(seller, 'sort=PRICE_DESC').items*.productId == [dear.id, middle.id, cheap.id]
        search(seller, 'sort=NEWEST').items*.productId == [middle.id, dear.id, cheap.id]

        when: 'three bags of the dear one are bought and paid'
        UUID sku = UUID.fromString(dear.skus[0].id as String)
        def order = orderLines(seller, [[sku, 3]])
        def placed = checkout([order])
        TestEvents.publish(redis, json, OrdersEvents.STREAM, CheckoutPlaced.TYPE, placed.checkoutId().toString(), placed)
        conditions.eventually { assert stock(sku).reserved == 3 }
        TestEvents.publish(redis, json, OrdersEvents.STREAM, OrderPaid.TYPE, order.orderId().toString(), paid(placed, order))

        then:
        conditions.eventually {
            assert search(seller, 'sort=BEST_SELLING').items*.productId == [dear.id, middle.id, cheap.id]
            assert search(seller, 'sort=BEST_SELLING').items[0].sold == 3
        }
    }

    def "keyset pages walk every match once, in #sort order"() {
        given:
        UUID seller = verifiedSeller()
        def ids = (1..5).collect { listed(seller, [name: "Nước mắm cá cơm loại $it"], 10, 40_000 + it * 1000).id }

        when:
        def seen = []
        String cursor = null
        int pages = 0
        while (true) {
            def page = search(seller, "${q('nuoc mam')}&sort=$sort&limit=2" + (cursor ? "&cursor=$cursor" : ''))
            seen.addAll(page.items*.productId)
            pages++
            cursor = page.nextCursor
            if (cursor == null) {
                break
            }
        }

        then:
        pages == 3
        seen.size() == 5
        seen.toSet() == ids.toSet()

        where:
        sort << ['RELEVANCE', 'PRICE_ASC', 'PRICE_DESC', 'NEWEST', 'BEST_SELLING']
    }

    def "a cursor from another search is refused with 400"() {
        given:
        UUID seller = verifiedSeller()
        (1..3).each { listed(seller, [name: "Bánh tét lá cẩm $it"]) }
        String cursor = search(seller, 'sort=PRICE_ASC&limit=1').nextCursor

        expect:
        def response = call(HttpRequest.GET("/api/v1/products?sort=NEWEST&cursor=$cursor"))
        response.status().code == 400
        body(response).errors*.field == ['cursor']
        call(HttpRequest.GET('/api/v1/products?cursor=not-a-cursor')).status().code == 400
    }

    def "a suspended product, or every product of a suspended seller, leaves the results until reinstated"() {
        given:
        UUID seller = verifiedSeller()
        def product = listed(seller, [name: 'Khô trâu gác bếp'])
        def officer = TestIdentity.officer(Ids.newId(), CAN_THO)

        when:
        call(HttpRequest.POST("/api/v1/products/${product.id}/suspend", [reason: 'Kiểm tra nhãn']).bearerAuth(officer))

        then:
        search(seller, '').items == []

        when:
        call(HttpRequest.POST("/api/v1/products/${product.id}/publish", '').bearerAuth(officer))
        call(HttpRequest.POST("/api/v1/sellers/$seller/decisions", [decision: 'SUSPEND', reason: 'Vi phạm']).bearerAuth(officer))

        then:
        search(seller, '').items == []

        when:
        call(HttpRequest.POST("/api/v1/sellers/$seller/decisions", [decision: 'VERIFY']).bearerAuth(officer))

        then:
        search(seller, '').items*.productId == [product.id]
    }
}
