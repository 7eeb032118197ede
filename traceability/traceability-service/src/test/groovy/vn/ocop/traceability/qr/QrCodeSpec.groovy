package vn.ocop.traceability.qr

import com.google.zxing.BinaryBitmap
import com.google.zxing.MultiFormatReader
import com.google.zxing.client.j2se.BufferedImageLuminanceSource
import com.google.zxing.common.HybridBinarizer
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
import java.net.http.HttpResponse.BodyHandlers
import java.sql.Connection
import java.time.Instant
import javax.imageio.ImageIO
import vn.ocop.platform.Infra
import vn.ocop.traceability.ServiceSpec
import vn.ocop.traceability.product.Product
import vn.ocop.traceability.product.ProductRepository

/** A lot's label QR code carries its public URI, and that URI, fetched, tells about the product and the lot. */
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
        body.links == [self: uri, qr: "${baseUrl()}/api/v1/lots/${encoded}/qr.png".toString()]

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

    def "there is no QR code for an unknown lot"() {
        expect:
        with(exchange('/api/v1/lots/NOPE/qr.png')) {
            status().code == 404
            contentType.get().toString() == 'application/problem+json'
            body().code == 'lot_not_found'
        }
    }

    private void register(UUID productId, String code) {
        String seller = token(SELLER, ['SELLER'])
        client.toBlocking().exchange(HttpRequest.POST('/api/v1/lots',
                [productId: productId, code: code, quantity: 12.5, unit: 'kg', harvestDate: '2026-11-02']).bearerAuth(seller), Map)
    }

    private HttpResponse<Map> exchange(String path) {
        try {
            client.toBlocking().exchange(HttpRequest.GET(path), Map)
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<Map>
        }
    }

    private static String decode(byte[] png) {
        def image = ImageIO.read(new ByteArrayInputStream(png))
        new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).text
    }
}
