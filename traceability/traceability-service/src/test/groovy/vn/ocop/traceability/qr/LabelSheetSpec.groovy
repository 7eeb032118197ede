package vn.ocop.traceability.qr

import com.google.zxing.NotFoundException
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.awt.image.BufferedImage
import java.net.http.HttpResponse.BodyHandlers
import java.sql.Connection
import java.text.Normalizer
import java.time.Instant
import java.time.LocalDate
import org.apache.pdfbox.Loader
import org.apache.pdfbox.pdmodel.PDDocument
import org.apache.pdfbox.pdmodel.font.PDType0Font
import org.apache.pdfbox.rendering.ImageType
import org.apache.pdfbox.rendering.PDFRenderer
import org.apache.pdfbox.text.PDFTextStripper
import spock.util.concurrent.PollingConditions
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.Ids
import vn.ocop.platform.problem.ProblemException
import vn.ocop.platform.security.Caller
import vn.ocop.platform.time.VietnamTime
import vn.ocop.traceability.ServiceSpec
import vn.ocop.traceability.SpecClock
import vn.ocop.traceability.api.LabelsPrinted
import vn.ocop.traceability.api.TraceabilityEvents
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository

/**
 * Printable A4 label sheets: copies of a lot's label or its units' labels by ordinal, each with the product's name in
 * Vietnamese, its OCOP stars, the lot, the serial and a QR code that a phone reads as the URI the resolver answers.
 * Each sheet served is announced with one LabelsPrinted; a refused request announces nothing.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'LabelSheetSpec')
@Property(name = 'ocop.test.clock-start', value = SpecClock.NOON)
class LabelSheetSpec extends ServiceSpec {

    static final UUID SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b')
    static final UUID OTHER_SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0c')
    static final UUID RICE = UUID.fromString('0193a3b0-0000-7000-8000-000000000021')
    static final UUID HONEY = UUID.fromString('0193a3b0-0000-7000-8000-000000000022')
    static final UUID SAUCE = UUID.fromString('0193a3b0-0000-7000-8000-000000000023')
    static final String RICE_NAME = 'Gạo ST25 Mỹ Xuyên'
    static final String HONEY_NAME = 'Mật ong tràm Đắk Lắk'
    static final float DPI = 200

    @Inject @Client('/') HttpClient client
    @Inject ProductRepository products
    @Inject TransactionOperations<Connection> tx
    @Inject JsonMapper json
    @Inject StatefulRedisConnection<String, String> redis
    @Inject Labels labels

    PollingConditions conditions = new PollingConditions(timeout: 10, delay: 0.1)

    def setup() {
        clean(tx)
        Instant at = Instant.parse('2026-11-01T00:00:00Z')
        // a four-star certificate valid on the spec's day (20 Nov 2026), one expired, one revoked
        products.save(new Product(RICE, 1, SELLER, 'HTX Mỹ Xuyên', RICE_NAME, '8931234567897', at, '92',
                'OCOP-ST-2025-015', 4, LocalDate.parse('2027-06-30'), false))
        products.save(new Product(HONEY, 1, SELLER, 'HTX Mỹ Xuyên', HONEY_NAME, null, at, '92',
                'OCOP-ST-2023-002', 3, LocalDate.parse('2026-11-19'), false))
        products.save(new Product(SAUCE, 1, SELLER, 'HTX Mỹ Xuyên',
                Normalizer.normalize('Nước mắm cá cơm truyền thống Vĩnh Châu loại đặc biệt thượng hạng chai thủy tinh 500 ml', Normalizer.Form.NFD),
                '8931234567897', at, '92', 'OCOP-ST-2024-001', 5, LocalDate.parse('2027-01-01'), true))
    }

    def "#copies copies of the label of a lot of #kind take #pages pages; every label names the product in Vietnamese, the lot, #starsShown, and scans as the lot's URI, which the resolver answers"() {
        given:
        register(productId, code)

        when:
        def response = get("/api/v1/lots/${encoded}/labels.pdf?copies=$copies")

        then:
        response.status().code == 200
        response.contentType.get().toString() == 'application/pdf'
        response.header('Cache-Control') == 'private, no-store'
        response.header('Content-Disposition') == "inline; filename=\"labels-${file}.pdf\"".toString()

        when:
        def pdf = Loader.loadPDF(response.body())
        def text = new PDFTextStripper().getText(pdf)

        then:
        pdf.numberOfPages == pages
        occurrences(text, name) == copies
        occurrences(text, "Lô: $code") == copies
        occurrences(text, 'OCOP ★★★★') == (stars ? copies : 0)
        !text.contains('Sê-ri')

        and: 'the font is embedded (a subset), so the diacritics print on any printer'
        fontsOf(pdf).every { it instanceof PDType0Font && it.embedded && it.name ==~ /[A-Z]{6}\+DejaVuSansCondensed.*/ }

        and: 'each label scans as the lot URI, and no more labels than asked are printed'
        def scanned = scan(pdf)
        scanned.size() == copies
        scanned.every { it == baseUrl() + path }

        and: 'the URI answers the lot'
        resolve(baseUrl() + path).lot.code == code

        cleanup:
        pdf?.close()

        where:
        kind                                  | productId | code           | copies || encoded              | file             | name       | stars | pages | path
        'a GTIN product with 4 OCOP stars'    | RICE      | 'ST25-2611'    | 30     || 'ST25-2611'          | 'ST25-2611'      | RICE_NAME  | true  | 2     | '/01/08931234567897/10/ST25-2611'
        'a GTIN product with 4 OCOP stars'    | RICE      | 'ST25/26%1+"A' | 24     || 'ST25%2F26%251%2B%22A' | 'ST25_26_1__A' | RICE_NAME  | true  | 1     | '/01/08931234567897/10/ST25%2F26%251%2B%22A'
        'a non-GTIN product, expired OCOP'    | HONEY     | 'MAT-2611'     | 1      || 'MAT-2611'           | 'MAT-2611'       | HONEY_NAME | false | 1     | '/t/MAT-2611'

        starsShown = stars ? 'its OCOP stars' : 'no OCOP stars'
    }

    def "without a count, one sheet of the lot's label is printed"() {
        given:
        register(RICE, 'ST25-ONE')

        when:
        def pdf = Loader.loadPDF(get('/api/v1/lots/ST25-ONE/labels.pdf').body())

        then:
        pdf.numberOfPages == 1
        scan(pdf).size() == 24

        cleanup:
        pdf?.close()
    }

    def "the labels of units #from to #to of a lot of #kind each show and scan as their own serial, in order"() {
        given:
        register(productId, code)
        def serials = number(code, 40)

        when:
        def response = get("/api/v1/lots/$code/labels.pdf?from=$from&to=$to")

        then:
        response.status().code == 200
        response.header('Content-Disposition') == "inline; filename=\"labels-${code}-${from}-${to}.pdf\"".toString()

        when:
        def pdf = Loader.loadPDF(response.body())
        def text = new PDFTextStripper().getText(pdf)
        def wanted = serials[(from - 1)..(to - 1)]

        then:
        pdf.numberOfPages == pages
        wanted.every { occurrences(text, "Sê-ri: $it") == 1 }
        (serials - wanted).every { !text.contains(it) }
        occurrences(text, "Lô: $code") == wanted.size()

        and: 'label by label, in ordinal order'
        scan(pdf) == wanted.collect { baseUrl() + path + it }

        and: "a unit's URI answers the lot"
        resolve(baseUrl() + path + wanted.first()).lot.code == code

        cleanup:
        pdf?.close()

        where:
        kind                 | productId | code       | from | to || pages | path
        'a GTIN product'     | RICE      | 'ST25-U1'  | 3    | 27 || 2     | '/01/08931234567897/10/ST25-U1/21/'
        'a non-GTIN product' | HONEY     | 'MAT-U1'   | 40   | 40 || 1     | '/t/MAT-U1/'
    }

    def "a long name typed in decomposed form prints composed, on at most three lines, cut with an ellipsis; a revoked certificate shows no stars"() {
        given:
        register(SAUCE, 'NM-2611')

        when:
        def pdf = Loader.loadPDF(get('/api/v1/lots/NM-2611/labels.pdf?copies=1').body())
        def text = new PDFTextStripper().getText(pdf)
        def nameLines = text.readLines().takeWhile { !it.startsWith('Lô:') }

        then:
        nameLines.size() == 3
        nameLines.first().startsWith('Nước mắm cá')
        nameLines.last().endsWith('…')
        Normalizer.isNormalized(text, Normalizer.Form.NFC)
        !text.contains('OCOP')
        text.contains('Lô: NM-2611')
        scan(pdf) == ["${baseUrl()}/01/08931234567897/10/NM-2611".toString()]

        cleanup:
        pdf?.close()
    }

    def "label sheets are printed for #who: #status"() {
        given:
        register(RICE, 'ST25-ACL')

        when:
        def response = get('/api/v1/lots/ST25-ACL/labels.pdf?copies=1', bearer)

        then:
        response.status().code == status
        status == 200 || response.contentType.get().toString() == 'application/problem+json'
        status != 403 || problem(response).code == problem
        printedEvents().size() == (status == 200 ? 1 : 0)

        where:
        who                                  | bearer                                   || status | problem
        'its seller'                         | token(SELLER, ['SELLER'])                || 200    | null
        "an officer of the seller's province" | token(Ids.newId(), ['OFFICER'], '92')   || 200    | null
        'an admin'                           | token(Ids.newId(), ['ADMIN'])            || 200    | null
        "an officer of another province"     | token(Ids.newId(), ['OFFICER'], '79')    || 403    | 'lot_other_province'
        'an officer without a province'      | token(Ids.newId(), ['OFFICER'])          || 403    | 'lot_not_yours'
        'another seller'                     | token(OTHER_SELLER, ['SELLER'])          || 403    | 'lot_not_yours'
        'a buyer'                            | token(SELLER, ['BUYER'])                 || 403    | 'forbidden'
        'nobody logged in'                   | null                                     || 401    | null
    }

    def "a sheet #situation is refused with #status #problem"() {
        given:
        register(RICE, 'ST25-BAD')
        register(RICE, 'ST25-NONE')
        number('ST25-BAD', 30)

        when:
        def response = get("/api/v1/lots/$lot/labels.pdf$query")

        then:
        response.status().code == status
        response.contentType.get().toString() == 'application/problem+json'
        def problemJson = problem(response)
        problemJson.code == problem
        problemJson.errors*.field == fields
        printedEvents().isEmpty()

        where:
        situation                                 | lot         | query                      || status | problem                    | fields
        'of 501 copies'                           | 'ST25-BAD'  | '?copies=501'              || 422    | 'too_many_labels'          | null
        'of 501 units'                            | 'ST25-BAD'  | '?from=1&to=501'           || 422    | 'too_many_labels'          | null
        'of no copies'                            | 'ST25-BAD'  | '?copies=0'                || 400    | 'invalid_request'          | ['copies']
        'from unit 0'                             | 'ST25-BAD'  | '?from=0&to=3'             || 400    | 'invalid_request'          | ['from']
        'from unit 5 to unit 3'                   | 'ST25-BAD'  | '?from=5&to=3'             || 400    | 'invalid_request'          | ['to']
        'from unit 5 to nowhere'                  | 'ST25-BAD'  | '?from=5'                  || 400    | 'invalid_request'          | ['to']
        'to unit 5 from nowhere'                  | 'ST25-BAD'  | '?to=5'                    || 400    | 'invalid_request'          | ['from']
        'of copies and units at once'             | 'ST25-BAD'  | '?copies=2&from=1&to=2'    || 400    | 'invalid_request'          | ['copies']
        'of units beyond those numbered'          | 'ST25-BAD'  | '?from=25&to=31'           || 422    | 'serial_range_outside_lot' | null
        'of units of a lot with none numbered'    | 'ST25-NONE' | '?from=1&to=1'             || 422    | 'lot_has_no_serials'       | null
        'of an unknown lot'                       | 'NOPE'      | '?copies=1'                || 404    | 'lot_not_found'            | null
    }

    def "no labels are printed for a recalled lot"() {
        given:
        register(RICE, 'ST25-RC')
        number('ST25-RC', 2)
        assert exchange(HttpRequest.POST('/api/v1/lots/ST25-RC/recall', [reason: 'Nấm mốc trong bao'])).status().code in [200, 201]

        expect:
        ['?copies=1', '?from=1&to=2'].every { query ->
            def response = get("/api/v1/lots/ST25-RC/labels.pdf$query")
            response.status().code == 409 && problem(response).code == 'lot_recalled'
        }
        printedEvents().isEmpty()
    }

    def "a sheet of #what is announced with one LabelsPrinted: #count labels, serials #serials"() {
        given:
        register(RICE, 'ST25-EV')
        number('ST25-EV', 30)

        when:
        def response = get("/api/v1/lots/ST25-EV/labels.pdf$query")

        then:
        response.status().code == 200
        def events = printedEvents()
        events.size() == 1
        events[0].aggregateId == lotId('ST25-EV').toString()
        events[0].version == LabelsPrinted.VERSION
        with(events[0].event as LabelsPrinted) {
            it == new LabelsPrinted(lotId('ST25-EV'), 'ST25-EV', RICE, SELLER, count, serials, printedAt())
            LocalDate.ofInstant(printedAt(), VietnamTime.ZONE) == LocalDate.parse('2026-11-20') // the service's (spec) clock
        }

        where:
        what                       | query               || count | serials
        '30 copies of the label'   | '?copies=30'        || 30    | false
        'one page, by default'     | ''                  || 24    | false
        'units 3 to 27'            | '?from=3&to=27'     || 25    | true
        'unit 30 alone'            | '?from=30&to=30'    || 1     | true
    }

    def "each sheet is announced, and the relay appends it to the traceability stream"() {
        given:
        register(HONEY, 'MAT-EV')

        when:
        2.times { assert get('/api/v1/lots/MAT-EV/labels.pdf?copies=2').status().code == 200 }

        then:
        def events = printedEvents()
        events*.event*.labels == [2, 2]
        conditions.eventually {
            assert TestEvents.read(redis, json, TraceabilityEvents.STREAM, LabelsPrinted.TYPE)
                    .findAll { it.aggregateId == lotId('MAT-EV').toString() }*.id == events*.id
        }
    }

    def "the QR images of a lot and its units, public, announce nothing"() {
        given:
        register(RICE, 'ST25-QR')
        def serial = number('ST25-QR', 1)[0]

        when:
        def answers = ['qr.png', 'qr.svg', "qr.png?serial=$serial", "qr.svg?serial=$serial"].collect {
            client.toBlocking().exchange(HttpRequest.GET("/api/v1/lots/ST25-QR/$it"), byte[]).status().code
        }

        then:
        answers == [200, 200, 200, 200]
        printedEvents().isEmpty()
    }

    def "a sheet read before its lot was recalled is refused when announced, and nothing is announced"() {
        given: 'the labels were read and drawn; the lot is recalled meanwhile'
        register(RICE, 'ST25-LATE')
        def sheet = labels.of('ST25-LATE', new Caller(SELLER, ['SELLER'], null), new Labels.Request(2, null, null))
        assert exchange(HttpRequest.POST('/api/v1/lots/ST25-LATE/recall', [reason: 'Nấm mốc trong bao'])).status().code == 201

        when:
        labels.printed(sheet)

        then:
        def refused = thrown(ProblemException)
        refused.status().code == 409
        refused.code() == 'lot_recalled'
        printedEvents().isEmpty()
    }

    private List<Map> printedEvents() {
        outboxed(tx, json, LabelsPrinted.TYPE, LabelsPrinted)
    }

    private UUID lotId(String code) {
        UUID.fromString(Infra.rows(tx, 'SELECT id FROM lots WHERE code = ?', [code])[0].id as String)
    }

    private void register(UUID productId, String code) {
        assert exchange(HttpRequest.POST('/api/v1/lots',
                [productId: productId, code: code, quantity: 500, unit: 'kg', harvestDate: '2026-11-02'])).status().code == 201
    }

    /** Packs {@code count} bags of the lot and numbers them (as {@link QrCodeSpec#number}): their serials in order. */
    private List<String> number(String code, int count) {
        String lot = "/api/v1/lots/${URLEncoder.encode(code, 'UTF-8')}"
        def packing = exchange(HttpRequest.POST("$lot/packings", [unitCount: count, unitSize: 1, packaging: 'Túi 1 kg'])).body()
        def numbered = exchange(HttpRequest.POST("$lot/packings/${packing.id}/serials", [count: count]))
        assert numbered.status().code == 201
        numbered.body().serials*.serial
    }

    private HttpResponse<Map> exchange(MutableHttpRequest request) {
        exchange(client, request.bearerAuth(token(SELLER, ['SELLER'])))
    }

    /** The answer, a PDF or, for a refusal, a problem (read it with {@link #problem}). */
    private HttpResponse<?> get(String path, String bearer = token(SELLER, ['SELLER'])) {
        MutableHttpRequest request = HttpRequest.GET(path)
        if (bearer) {
            request.bearerAuth(bearer)
        }
        try {
            client.toBlocking().exchange(request, byte[])
        } catch (HttpClientResponseException e) {
            e.response
        }
    }

    private static Map problem(HttpResponse<?> response) {
        response.getBody(Map).orElseThrow()
    }

    /** What a phone opening the URI reads, as JSON. */
    private Map resolve(String uri) {
        def page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(uri)).header('Accept', 'application/json').build(),
                BodyHandlers.ofString())
        assert page.statusCode() == 200
        json.readValue(page.body(), Map)
    }

    /** The QR codes of the sheet, label by label in reading order, each read from its own cell of the rendered page. */
    private static List<String> scan(PDDocument pdf) {
        def renderer = new PDFRenderer(pdf)
        List<String> found = []
        for (int p = 0; p < pdf.numberOfPages; p++) {
            BufferedImage page = renderer.renderImageWithDPI(p, DPI, ImageType.GRAY)
            float scale = DPI / 72
            float height = pdf.getPage(p).mediaBox.height
            for (int i = 0; i < LabelSheet.PER_PAGE; i++) {
                def cell = LabelSheet.cell(i)
                def image = page.getSubimage((cell.lowerLeftX * scale) as int, ((height - cell.upperRightY) * scale) as int,
                        (cell.width * scale) as int - 1, (cell.height * scale) as int - 1)
                try {
                    found << QrCodeSpec.decode(image)
                } catch (NotFoundException ignored) {
                    // an empty cell after the last label
                }
            }
        }
        found
    }

    private static List fontsOf(PDDocument pdf) {
        pdf.pages.collectMany { page -> page.resources.fontNames.collect { page.resources.getFont(it) } }
    }

    /** How often the part occurs in the text, where a line break counts as a space (names wrap). */
    private static int occurrences(String text, String part) {
        text.replaceAll(/\s+/, ' ').count(part)
    }
}
