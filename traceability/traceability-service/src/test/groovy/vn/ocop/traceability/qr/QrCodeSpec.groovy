package vn.ocop.traceability.qr

import com.google.zxing.BinaryBitmap
import com.google.zxing.client.j2se.BufferedImageLuminanceSource
import com.google.zxing.common.HybridBinarizer
import com.google.zxing.multi.qrcode.QRCodeMultiReader
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.awt.image.BufferedImage
import java.net.http.HttpResponse.BodyHandlers
import java.sql.Connection
import java.time.Instant
import javax.imageio.ImageIO
import javax.xml.parsers.DocumentBuilderFactory
import org.apache.batik.transcoder.TranscoderInput
import org.apache.batik.transcoder.TranscoderOutput
import org.apache.batik.transcoder.image.ImageTranscoder
import vn.ocop.traceability.ServiceSpec
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository

/**
 * A lot's label QR code, as PNG or SVG, carries its public URI, or one serialised unit's, and that URI, fetched, tells
 * about the product and the lot.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'QrCodeSpec')
class QrCodeSpec extends ServiceSpec {

    static final UUID SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b')
    static final UUID RICE = UUID.fromString('0193a3b0-0000-7000-8000-000000000001')
    static final UUID HONEY = UUID.fromString('0193a3b0-0000-7000-8000-000000000002')
    static final String DL = '/01/08931234567897/10/'

    @Inject @Client('/') HttpClient client
    @Inject ProductRepository products
    @Inject TransactionOperations<Connection> tx
    @Inject JsonMapper json

    def setup() {
        clean(tx)
        products.save(new Product(RICE, 3, SELLER, 'HTX Mỹ Xuyên', 'Gạo ST25', '8931234567897', Instant.parse('2026-11-01T00:00:00Z')))
        products.save(new Product(HONEY, 1, SELLER, 'HTX Mỹ Xuyên', 'Mật ong tràm', null, Instant.parse('2026-11-01T00:00:00Z')))
    }

    def "the QR code of a lot of #kind decodes to #path, which answers the product and the lot"() {
        given:
        register(productId, code)

        when:
        def png = client.toBlocking().exchange(HttpRequest.GET("/api/v1/lots/${encoded}/qr.png"), byte[])

        then:
        png.status().code == 200
        png.contentType.get().toString() == 'image/png'
        png.header('Cache-Control') == 'public, max-age=86400'
        def image = ImageIO.read(new ByteArrayInputStream(png.body()))
        [image.width, image.height] == [512, 512]
        def uri = decode(png.body())
        uri == baseUrl() + path

        when: 'a phone opens the URI'
        def page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(uri)).header('Accept', 'application/json').build(),
                BodyHandlers.ofString())

        then:
        page.statusCode() == 200
        def body = json.readValue(page.body(), Map)
        body.product == [id: productId.toString(), name: name, seller: [id: SELLER.toString(), name: 'HTX Mỹ Xuyên']] +
                (gtin ? [gtin: gtin] : [:])
        body.lot.subMap('code', 'quantity', 'unit', 'harvestDate') == [code: code, quantity: 12.5, unit: 'kg', harvestDate: '2026-11-02']
        body.lot.registeredAt != null
        body.links.subMap('self', 'qr') == [self: uri, qr: "${baseUrl()}/api/v1/lots/${encoded}/qr.png".toString()]

        where:
        kind                | productId | code          || encoded             | name           | gtin            | path
        'a GTIN product'    | RICE      | 'ST25-2611'   || 'ST25-2611'         | 'Gạo ST25'     | '8931234567897' | DL + 'ST25-2611'
        'a GTIN product'    | RICE      | "ST25/26%1'A" || 'ST25%2F26%251%27A' | 'Gạo ST25'     | '8931234567897' | DL + 'ST25%2F26%251%27A'
        'a non-GTIN product'| HONEY     | 'MAT-2611'    || 'MAT-2611'          | 'Mật ong tràm' | null            | '/t/MAT-2611'
    }

    def "the QR code is #size pixels wide when asked"() {
        given:
        register(RICE, 'SIZE-1')

        expect:
        def png = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/lots/SIZE-1/qr.png?size=$size"), byte[])
        ImageIO.read(new ByteArrayInputStream(png)).width == size
        decode(png) == "${baseUrl()}/01/08931234567897/10/SIZE-1".toString()

        where:
        size << [128, 1024]
    }

    def "a QR code of #size pixels is refused"() {
        given:
        register(RICE, 'SIZE-2')

        expect:
        with(exchange("/api/v1/lots/SIZE-2/qr.png?size=$size")) {
            status().code == 400
            body().errors*.field == ['size']
        }

        where:
        size << [127, 1025]
    }

    def "the SVG QR code of a lot of #kind is an SVG document that renders and decodes to #path"() {
        given:
        register(productId, code)

        when:
        def svg = client.toBlocking().exchange(HttpRequest.GET("/api/v1/lots/${encoded}/qr.svg"), byte[])

        then:
        svg.status().code == 200
        svg.contentType.get().toString() == 'image/svg+xml'
        svg.header('Cache-Control') == 'public, max-age=86400'

        and: 'well-formed SVG: one square view box with one path of dark modules'
        def root = parseXml(svg.body()).documentElement
        root.namespaceURI == 'http://www.w3.org/2000/svg'
        root.localName == 'svg'
        [root.getAttribute('width'), root.getAttribute('height')] == ['512', '512']
        def viewBox = root.getAttribute('viewBox').split(' ')*.toInteger()
        viewBox[0..1] == [0, 0] && viewBox[2] == viewBox[3]
        root.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'path').length == 1
        root.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'title').item(0).textContent == baseUrl() + path

        and: 'drawn by an SVG renderer, it scans'
        decode(render(svg.body())) == baseUrl() + path

        where:
        kind                | productId | code          || encoded             | path
        'a GTIN product'    | RICE      | 'ST25-2611'   || 'ST25-2611'         | DL + 'ST25-2611'
        'a GTIN product'    | RICE      | "ST25/26%1+A" || 'ST25%2F26%251%2BA' | DL + 'ST25%2F26%251%2BA'
        'a non-GTIN product'| HONEY     | 'MAT-2611'    || 'MAT-2611'          | '/t/MAT-2611'
    }

    def "the #format QR code of a unit of a lot of #kind decodes to the unit's URI, #path"() {
        given:
        register(productId, code)
        def serials = number(encoded, 3)

        when:
        def image = client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/lots/${encoded}/qr.${format}?serial=${serials[1]}&size=256"), byte[])

        then:
        image.status().code == 200
        image.header('Cache-Control') == 'public, max-age=86400'
        def uri = format == 'png' ? decode(ImageIO.read(new ByteArrayInputStream(image.body()))) : decode(render(image.body()))
        uri == baseUrl() + path + serials[1]

        where:
        format | kind                 | productId | code          || encoded             | path
        'png'  | 'a GTIN product'     | RICE      | 'ST25-2611'   || 'ST25-2611'         | DL + 'ST25-2611/21/'
        'svg'  | 'a GTIN product'     | RICE      | "ST25/26%1+A" || 'ST25%2F26%251%2BA' | DL + 'ST25%2F26%251%2BA/21/'
        'png'  | 'a non-GTIN product' | HONEY     | 'MAT-2611'    || 'MAT-2611'          | '/t/MAT-2611/'
        'svg'  | 'a non-GTIN product' | HONEY     | 'MAT-2611'    || 'MAT-2611'          | '/t/MAT-2611/'
    }

    def "a #format QR code for #situation is refused with #expected #problem"() {
        given:
        register(RICE, 'UNIT-1')
        register(RICE, 'UNIT-2')
        number('UNIT-1', 1)
        def otherLots = number('UNIT-2', 1).first()
        def serial = [unknown: '7K3QX9M2ABCD', otherLot: otherLots, blank: ''][which]

        expect:
        with(exchange("/api/v1/lots/UNIT-1/qr.${format}?serial=${serial}")) {
            status().code == expected
            contentType.get().toString() == 'application/problem+json'
            body().code == problem
        }

        where:
        format | situation                     | which      || expected | problem
        'png'  | 'an unknown serial'           | 'unknown'  || 404      | 'serial_not_found'
        'svg'  | 'an unknown serial'           | 'unknown'  || 404      | 'serial_not_found'
        'png'  | "another lot's serial"        | 'otherLot' || 404      | 'serial_not_found'
        'svg'  | "another lot's serial"        | 'otherLot' || 404      | 'serial_not_found'
        'svg'  | 'an empty serial'             | 'blank'    || 400      | 'invalid_request'
    }

    def "there is no #format QR code for an unknown lot"() {
        expect:
        with(exchange("/api/v1/lots/NOPE/qr.${format}")) {
            status().code == 404
            contentType.get().toString() == 'application/problem+json'
            body().code == 'lot_not_found'
        }

        where:
        format << ['png', 'svg']
    }

    private void register(UUID productId, String code) {
        String seller = token(SELLER, ['SELLER'])
        client.toBlocking().exchange(HttpRequest.POST('/api/v1/lots',
                [productId: productId, code: code, quantity: 12.5, unit: 'kg', harvestDate: '2026-11-02']).bearerAuth(seller), Map)
    }

    /** Packs {@code count} bags of the lot and numbers them: their serials in order. */
    private List<String> number(String encodedCode, int count) {
        String seller = token(SELLER, ['SELLER'])
        def packing = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/lots/$encodedCode/packings",
                [unitCount: count, unitSize: 1, packaging: 'Túi 1 kg']).bearerAuth(seller), Map)
        client.toBlocking().retrieve(HttpRequest.POST("/api/v1/lots/$encodedCode/packings/${packing.id}/serials",
                [count: count]).bearerAuth(seller), Map).serials*.serial
    }

    private HttpResponse<Map> exchange(String path) {
        try {
            client.toBlocking().exchange(HttpRequest.GET(path), Map)
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<Map>
        }
    }

    static String decode(byte[] png) {
        decode(ImageIO.read(new ByteArrayInputStream(png)))
    }

    /**
     * The one QR code in the image, read with ZXing's multi-code reader: its plain reader misses about one code in a
     * few hundred (a false finder pattern in the data), which the multi reader's wider search finds.
     */
    static String decode(BufferedImage image) {
        def found = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
        assert found.length == 1
        found[0].text
    }

    private static org.w3c.dom.Document parseXml(byte[] xml) {
        def factory = DocumentBuilderFactory.newInstance()
        factory.setNamespaceAware(true)
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml))
    }

    /** The SVG drawn by Batik at its own size. */
    static BufferedImage render(byte[] svg) {
        def capture = new Capture()
        capture.transcode(new TranscoderInput(new ByteArrayInputStream(svg)), new TranscoderOutput())
        capture.image
    }

    static class Capture extends ImageTranscoder {
        BufferedImage image

        @Override
        BufferedImage createImage(int width, int height) {
            new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB)
        }

        @Override
        void writeImage(BufferedImage drawn, TranscoderOutput output) {
            image = drawn
        }
    }
}
