package vn.ocop.traceability.resolver

import com.fasterxml.jackson.databind.ObjectMapper
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import java.time.LocalDate
import vn.ocop.platform.Infra
import vn.ocop.traceability.ServiceSpec
import vn.ocop.traceability.SpecClock
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository

/**
 * The public resolver: one address per lot (and per serialised unit), answered as a page for browsers (Vietnamese,
 * English on request), JSON for programs and a GS1 link set for GS1 clients; only for the lot's own GTIN; anything
 * else is a 404 (a page for browsers, problem+json for programs).
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'ResolverSpec')
@Property(name = 'ocop.test.clock-start', value = SpecClock.NOON)
class ResolverSpec extends ServiceSpec {

    static final UUID SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b')
    static final UUID RICE = UUID.fromString('0193a3b0-0000-7000-8000-000000000001')
    static final UUID TEA = UUID.fromString('0193a3b0-0000-7000-8000-000000000003')
    static final UUID HONEY = UUID.fromString('0193a3b0-0000-7000-8000-000000000002')
    static final UUID PADDY = UUID.fromString('0193a3b0-0000-7000-8000-000000000004')
    static final ObjectMapper JSON = new ObjectMapper()
    static final String BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'

    @Inject @Client('/') HttpClient client
    @Inject ProductRepository products
    @Inject TransactionOperations<Connection> tx
    @Inject LotViews views

    UUID area

    def setup() {
        clean(tx)
        views.invalidateAll()
        def at = Instant.parse('2026-11-01T00:00:00Z')
        products.save(new Product(RICE, 3, SELLER, 'HTX Mỹ Xuyên', 'Gạo ST25', '8931234567897', at, '92',
                'OCOP-92-0042', 4, LocalDate.parse('2027-06-30'), false))
        products.save(new Product(TEA, 1, SELLER, 'HTX Mỹ Xuyên', 'Trà Shan tuyết', '09506000134352', at, '92',
                'OCOP-92-0007', 3, LocalDate.parse('2026-10-31'), false))
        products.save(new Product(HONEY, 1, SELLER, 'HTX Mỹ Xuyên', 'Mật ong <script>alert(1)</script>', null, at))
        products.save(new Product(PADDY, 1, SELLER, 'HTX Mỹ Xuyên', 'Lúa ST25 tươi', null, at, '92', null, null, null, false))
        Infra.execute(tx, "INSERT INTO communes (code, province_code, name) VALUES ('31684', '92', 'Phường Mỹ Xuyên')"
                + ' ON DUPLICATE KEY UPDATE name = VALUES(name)')
        area = insertArea(tx, SELLER, 'VN-92-MX-0017', 'VERIFIED')
        register([productId: RICE, code: 'ST25-1', quantity: 1, unit: 'kg', harvestDate: '2026-11-02', growingAreaId: area])
        register([productId: HONEY, code: 'MAT-1', quantity: 1, unit: 'kg'])
    }

    def "#path resolves to the lot of #product"() {
        when:
        def response = get(path, 'application/json')

        then:
        response.status().code == 200
        response.contentType.get().name == 'application/json'
        def body = json(response)
        body.product.name == product
        body.lot.code == code
        body.links.self == "${baseUrl()}$self".toString()
        body.links.linkset == "${baseUrl()}$self?linkType=linkset".toString()
        response.header('Link') == "<${baseUrl()}$self?linkType=linkset>; rel=\"linkset\"; type=\"application/linkset+json\"".toString()
        response.header('Vary') == 'Accept, Accept-Language'

        where:
        path                             || product                                | code     | self
        '/01/08931234567897/10/ST25-1'   || 'Gạo ST25'                             | 'ST25-1' | '/01/08931234567897/10/ST25-1'
        '/01/8931234567897/10/ST25-1'    || 'Gạo ST25'                             | 'ST25-1' | '/01/08931234567897/10/ST25-1'
        '/t/ST25-1'                      || 'Gạo ST25'                             | 'ST25-1' | '/01/08931234567897/10/ST25-1'
        '/t/MAT-1'                       || 'Mật ong <script>alert(1)</script>'    | 'MAT-1'  | '/t/MAT-1'
    }

    def "programs get the lot as JSON: product, OCOP certificate, growing area, timeline, record, links"() {
        when:
        def body = json(get('/01/08931234567897/10/ST25-1', 'application/json'))

        then:
        body.product.seller == [id: SELLER.toString(), name: 'HTX Mỹ Xuyên']
        body.product.ocop == [certificate: 'OCOP-92-0042', stars: 4, validUntil: '2027-06-30', valid: true]
        body.lot.subMap('quantity', 'unit', 'harvestDate', 'status') == [quantity: 1, unit: 'kg', harvestDate: '2026-11-02', status: 'ACTIVE']
        body.growingArea == [code: 'VN-92-MX-0017', crop: 'Lúa ST25', areaHa: 10.9283, communeCode: '31684',
                             communeName: 'Phường Mỹ Xuyên', provinceCode: '92', verified: true]
        body.timeline*.kind == ['HARVEST']
        body.timeline[0].detail == 'VN-92-MX-0017'
        body.record.intact
        body.record.length == 1
        body.recall == null
        body.unit == null
        body.links.traceability == "${baseUrl()}/api/v1/lots/ST25-1/epcis".toString()
        body.links.qr == "${baseUrl()}/api/v1/lots/ST25-1/qr.png".toString()
    }

    def "browsers get a page in Vietnamese: product, seller, OCOP stars, growing area drawn as SVG, timeline, record intact"() {
        when:
        def response = get('/01/08931234567897/10/ST25-1', BROWSER)
        def page = response.body()

        then:
        response.status().code == 200
        response.contentType.get().name == 'text/html'
        page.contains('<html lang="vi"')
        page.contains('Gạo ST25')
        page.contains('HTX Mỹ Xuyên')
        page.contains('★★★★')
        page.contains('4 sao OCOP')
        page.contains('Còn hiệu lực đến 30/06/2027')
        page.contains('VN-92-MX-0017')
        page.contains('Phường Mỹ Xuyên')
        page.contains('Đã được cơ quan tỉnh xác minh')
        page.contains('Hồ sơ truy xuất nguyên vẹn: 1 sự kiện')
        page.contains('Thu hoạch')
        page.contains('02/11/2026')

        and: 'the boundary is a path inside the viewBox: x across the width, y within the height'
        def svg = page =~ /viewBox="0 0 (\d+) (\d+)"/
        svg.find()
        def width = svg.group(1) as int
        def height = svg.group(2) as int
        def d = (page =~ /<path d="([^"]+)"/)
        d.find()
        def numbers = (d.group(1) =~ /-?\d+(\.\d+)?/).collect { it[0] as double }
        def xs = numbers.indexed().findAll { it.key % 2 == 0 }.values()
        def ys = numbers.indexed().findAll { it.key % 2 == 1 }.values()
        xs.every { it >= 0 && it <= width } && ys.every { it >= 0 && it <= height }
        xs.max() - xs.min() > width / 2
        d.group(1).startsWith('M') && d.group(1).endsWith('Z')
    }

    def "the page is in English with #why"() {
        when:
        def request = HttpRequest.GET(path).accept(BROWSER)
        if (language) {
            request.header('Accept-Language', language)
        }
        def page = client.toBlocking().exchange(request, String).body()

        then:
        page.contains('<html lang="en"') == english
        page.contains('4-star OCOP') == english
        page.contains('Valid until 30 Jun 2027') == english
        page.contains('Record intact: 1 events') == english
        page.contains('4 sao OCOP') == !english

        where:
        why                                 | path                                      | language          || english
        'Accept-Language: en'               | '/t/ST25-1'                               | 'en-GB,en;q=0.8'  || true
        '?lang=en'                          | '/t/ST25-1?lang=en'                       | null              || true
        '?lang=en over Accept-Language vi'  | '/t/ST25-1?lang=en'                       | 'vi'              || true
        'nothing: Vietnamese'               | '/t/ST25-1'                               | null              || false
        '?lang=vi over Accept-Language en'  | '/t/ST25-1?lang=vi'                       | 'en'              || false
        'an unknown ?lang: Accept-Language' | '/t/ST25-1?lang=fr'                       | 'en'              || true
    }

    def "what the page shows is escaped, never markup"() {
        when:
        def page = get('/t/MAT-1', BROWSER).body()

        then:
        !page.contains('<script>alert(1)</script>')
        page.contains('Mật ong &lt;script&gt;alert(1)&lt;/script&gt;')
        page.contains('Sản phẩm chưa có chứng nhận OCOP.')
    }

    def "an expired OCOP certificate shows no stars and says so"() {
        given:
        register([productId: TEA, code: 'TEA-1', quantity: 5, unit: 'kg'])

        when:
        def page = get('/01/09506000134352/10/TEA-1', BROWSER).body()
        def body = json(get('/01/09506000134352/10/TEA-1', 'application/json'))

        then:
        !page.contains('★')
        page.contains('Hết hiệu lực từ sau 31/10/2026')
        body.product.ocop == [certificate: 'OCOP-92-0007', stars: 3, validUntil: '2026-10-31', valid: false]
    }

    def "GS1 clients get an RFC 9264 link set with GS1 link types, by Accept or ?linkType=linkset"() {
        when:
        def response = get(path, accept)

        then:
        response.status().code == 200
        response.contentType.get().name == 'application/linkset+json'
        def set = json(response).linkset
        set.size() == 1
        def self = "${baseUrl()}/01/08931234567897/10/ST25-1".toString()
        set[0].anchor == self
        set[0]['https://gs1.org/voc/defaultLink'][0].href == "$self?lang=vi".toString()
        set[0]['https://gs1.org/voc/pip']*.href == ["$self?lang=vi".toString(), "$self?lang=en".toString()]
        set[0]['https://gs1.org/voc/pip']*.hreflang == [['vi'], ['en']]
        set[0]['https://gs1.org/voc/pip']*.type == ['text/html', 'text/html']
        set[0]['https://gs1.org/voc/traceability'][0] == [href : "${baseUrl()}/api/v1/lots/ST25-1/epcis".toString(),
                                                          title: 'EPCIS 2.0 – ST25-1', type: 'application/ld+json']
        set[0]['https://gs1.org/voc/certificationInfo'][0].href == "http://127.0.0.1:8082/api/v1/products/$RICE".toString()
        !set[0].containsKey('https://gs1.org/voc/recallStatus')

        where:
        path                                               | accept
        '/01/08931234567897/10/ST25-1'                     | 'application/linkset+json'
        '/01/08931234567897/10/ST25-1?linkType=linkset'    | 'application/json'
        '/01/08931234567897/10/ST25-1?linkType=all'        | BROWSER
        '/t/ST25-1'                                        | 'application/linkset+json, text/html;q=0.5'
    }

    def "a product without certificate has no certificationInfo link"() {
        expect:
        !json(get('/t/MAT-1', 'application/linkset+json')).linkset[0].containsKey('https://gs1.org/voc/certificationInfo')
    }

    def "?linkType=#type redirects (307) to that link of the lot"() {
        when: 'asked without following redirects'
        def response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create("${baseUrl()}/01/08931234567897/10/ST25-1?linkType=$type")).header('Accept', 'application/json').build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())

        then:
        response.statusCode() == 307
        response.headers().firstValue('Location').get() == "${baseUrl()}$location".toString()

        where:
        type                                      || location
        'gs1:traceability'                        || '/api/v1/lots/ST25-1/epcis'
        'gs1:pip'                                 || '/01/08931234567897/10/ST25-1?lang=vi'
        'https://gs1.org/voc/traceability'        || '/api/v1/lots/ST25-1/epcis'
    }

    def "a ?linkType the code has no link of is answered as usual"() {
        expect:
        json(get('/t/MAT-1?linkType=gs1:certificationInfo', 'application/json')).lot.code == 'MAT-1'
    }

    def "a serialised unit resolves under its lot, with its serial; a serial of another lot or none is not found"() {
        given:
        def serials = numberSerials('ST25-1', 2)
        register([productId: RICE, code: 'ST25-2', quantity: 1, unit: 'kg'])
        def other = numberSerials('ST25-2', 1)[0]

        when:
        def body = json(get("/01/08931234567897/10/ST25-1/21/${serials[0]}", 'application/json'))
        def short_ = json(get("/t/ST25-1/${serials[1]}", 'application/json'))

        then:
        body.unit == [serial: serials[0]]
        body.lot.code == 'ST25-1'
        body.links.self == "${baseUrl()}/01/08931234567897/10/ST25-1/21/${serials[0]}".toString()
        short_.unit == [serial: serials[1]]
        short_.links.self == "${baseUrl()}/01/08931234567897/10/ST25-1/21/${serials[1]}".toString()

        and:
        problemCode(get("/01/08931234567897/10/ST25-1/21/$other", 'application/json')) == 'serial_not_found'
        problemCode(get('/01/08931234567897/10/ST25-1/21/NEVERISSUED1', 'application/json')) == 'serial_not_found'
        problemCode(get("/t/ST25-2/${serials[0]}", 'application/json')) == 'serial_not_found'
    }

    def "#path is not found: #why"() {
        when:
        def response = get(path, 'application/json')

        then:
        response.status().code == 404
        response.contentType.get().toString() == 'application/problem+json'
        json(response).code == problem

        where:
        path                                       | why                                        || problem
        '/01/08931234567896/10/ST25-1'             | 'wrong check digit'                        || 'gtin_invalid'
        '/01/0893123456789/10/ST25-1'              | 'GTIN of 13 digits with a bad check digit' || 'gtin_invalid'
        '/01/893123456789/10/ST25-1'               | 'twelve digits, wrong check digit'         || 'gtin_invalid'
        '/01/89312345678970/10/ST25-1'             | 'fourteen digits, another number'          || 'gtin_invalid'
        '/01/ABCDEFGHIJKLMN/10/ST25-1'             | 'not digits'                               || 'gtin_invalid'
        '/01/09506000134352/10/ST25-1'             | 'the GTIN of another product'              || 'lot_not_found'
        '/01/08931234567897/10/MAT-1'              | 'a lot of a product without GTIN'          || 'lot_not_found'
        '/01/08931234567897/10/NOPE-1'             | 'unknown lot'                              || 'lot_not_found'
        '/01/08931234567897/10/st25-1'             | 'lot numbers are case-sensitive'           || 'lot_not_found'
        '/01/08931234567897/22/A1/10/ST25-1'       | 'a variant we never print'                 || 'lot_not_found'
        '/t/NOPE-1'                                | 'unknown lot'                              || 'lot_not_found'
        '/01/08931234567897/21/X1/10/ST25-1'       | 'serial before lot'                        || 'digital_link_malformed'
        '/01/08931234567897/10/ST25-1/10/ST25-1'   | 'a qualifier twice'                        || 'digital_link_malformed'
        '/01/08931234567897/17/261231/10/ST25-1'   | 'a data attribute in the path'             || 'digital_link_malformed'
        '/01/08931234567897/10'                    | 'a qualifier without value'                || 'digital_link_malformed'
        '/01/08931234567897'                       | 'no lot'                                   || 'digital_link_malformed'
        '/01/08931234567897/10/ST25%201'           | 'a space in the lot'                       || 'digital_link_malformed'
        '/01/08931234567897/10/%C4%90-1'           | 'a letter outside GS1 set 82'              || 'digital_link_malformed'
        '/01/08931234567897/10/ABCDEFGHIJKLMNOPQRSTU' | 'a lot of 21 characters'                || 'digital_link_malformed'
        '/01/08931234567897/10/ST25-1/21/'         | 'an empty serial'                          || 'digital_link_malformed'
        '/t/ST25-1/A/B'                            | 'extra segments'                           || 'digital_link_malformed'
    }

    def "browsers get a helpful 404 page for #why, in their language"() {
        when:
        def response = get(path, BROWSER, lang)

        then:
        response.status().code == 404
        response.contentType.get().name == 'text/html'
        response.body().contains(title)
        response.body().contains(reason)

        where:
        why                 | path                                     | lang || title                     | reason
        'an unknown lot'    | '/01/08931234567897/10/NOPE-1'           | null || 'Không tìm thấy mã này'   | 'Không có lô hàng nào mang mã này.'
        'a bad check digit' | '/01/08931234567896/10/ST25-1'           | null || 'Không tìm thấy mã này'   | 'chữ số kiểm tra không đúng'
        'qualifier order'   | '/01/08931234567897/21/X1/10/ST25-1'     | 'en' || 'Code not found'          | 'not in GS1 order'
        'an unknown serial' | '/t/ST25-1/NOPE'                         | 'en' || 'Code not found'          | 'never issued for the lot'
    }

    def "a lot milled from a paddy lot shows the paddy's field and harvest, and its own milling"() {
        given:
        register([productId: PADDY, code: 'PADDY-1', quantity: 1000, unit: 'kg', harvestDate: '2026-11-02', growingAreaId: area])
        post('/api/v1/transformations', [process: 'Xay xát', yield: 0.65, occurredOn: '2026-11-10',
                                         inputs : [[lotCode: 'PADDY-1', quantity: 1000]],
                                         outputs: [[productId: RICE, code: 'ST25-R1', quantity: 600]]])

        when:
        def body = json(get('/01/08931234567897/10/ST25-R1', 'application/json'))
        def page = get('/01/08931234567897/10/ST25-R1', BROWSER).body()

        then: 'the rice lot came from one area, so it carries it; the paddy lot it was milled from is its origin'
        body.growingArea.code == 'VN-92-MX-0017'
        body.origins.size() == 1
        body.origins[0].subMap('lotCode', 'harvestDate', 'process') == [lotCode: 'PADDY-1', harvestDate: '2026-11-02', process: 'Xay xát']
        body.origins[0].growingArea.code == 'VN-92-MX-0017'
        body.timeline*.kind == ['HARVEST', 'TRANSFORMATION']
        body.timeline*.lotCode == ['PADDY-1', 'ST25-R1']
        body.timeline[1].detail == 'Xay xát'
        body.timeline*.from == ['2026-11-01T17:00:00Z', '2026-11-09T17:00:00Z']
        body.record.intact

        and:
        page.contains('Nguyên liệu từ các lô')
        page.contains('PADDY-1')
        page.contains('VN-92-MX-0017')
        page.contains('Chế biến')
        page.contains('Xay xát')
        page.contains('<path d="M')
    }

    def "repeated steps are summed up: a lot packed three times shows one packing step, counted"() {
        given:
        3.times { pack('ST25-1') }

        when:
        def body = json(get('/t/ST25-1', 'application/json'))

        then:
        body.timeline*.kind == ['HARVEST', 'PACKING']
        body.timeline[1].count == 3
        get('/t/ST25-1', BROWSER).body().contains('3 lần')
    }

    def "an altered record is reported: the page warns, JSON says where the chain breaks"() {
        given:
        register([productId: RICE, code: 'ST25-T', quantity: 1, unit: 'kg', harvestDate: '2026-11-02'])
        Infra.execute(tx, '''UPDATE epcis_events e JOIN epcis_lot_events le ON le.event_row = e.id JOIN lots l ON l.id = le.lot_id
                             SET e.body = REPLACE(e.body, '2026-11-02', '2026-10-02') WHERE l.code = 'ST25-T' ''')

        when:
        def body = json(get('/t/ST25-T', 'application/json'))
        def page = get('/t/ST25-T', BROWSER).body()

        then:
        !body.record.intact
        body.record.brokenAt == 1
        page.contains('Cảnh báo: hồ sơ truy xuất đã bị thay đổi (sự kiện thứ 1 không khớp chuỗi băm)')
    }

    def "the resolver needs no login, and a stale token does not stop it"() {
        expect:
        get('/t/MAT-1', 'application/json').status().code == 200
        exchangeString(HttpRequest.GET('/t/MAT-1').accept('application/json').bearerAuth('not-a-jwt')).status().code == 200
    }

    private void register(Map lot) {
        client.toBlocking().exchange(HttpRequest.POST('/api/v1/lots', lot).bearerAuth(token(SELLER, ['SELLER'])), Map)
    }

    private Map post(String path, Map body) {
        client.toBlocking().exchange(HttpRequest.POST(path, body).bearerAuth(token(SELLER, ['SELLER'])), Map).body()
    }

    private Map pack(String code, int units = 1) {
        post("/api/v1/lots/$code/packings", [unitCount: units, unitSize: 0.1, packaging: 'túi 100 g'])
    }

    private List<String> numberSerials(String code, int count) {
        def packing = pack(code, count)
        post("/api/v1/lots/$code/packings/${packing.id}/serials", [count: count]).serials*.serial
    }

    private HttpResponse<String> get(String path, String accept, String language = null) {
        def request = HttpRequest.GET(path).accept(accept)
        if (language) {
            request.header('Accept-Language', language)
        }
        exchangeString(request)
    }

    private HttpResponse<String> exchangeString(request) {
        try {
            client.toBlocking().exchange(request, String)
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<String>
        }
    }

    private static Map json(HttpResponse<String> response) {
        JSON.readValue(response.body() ?: response.getBody(String).orElse('{}'), Map)
    }

    private static String problemCode(HttpResponse<String> response) {
        assert response.status().code == 404
        json(response).code
    }
}
