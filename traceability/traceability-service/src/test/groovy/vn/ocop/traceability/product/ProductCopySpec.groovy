package vn.ocop.traceability.product

import io.lettuce.core.api.StatefulRedisConnection
import io.micronaut.context.annotation.Property
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import java.sql.Connection
import java.time.Instant
import java.sql.Timestamp
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.ZoneOffset
import java.time.temporal.ChronoUnit
import spock.util.concurrent.PollingConditions
import vn.ocop.catalog.api.CatalogEvents
import vn.ocop.catalog.api.ProductPublished
import vn.ocop.platform.Infra
import vn.ocop.platform.TestEvents
import vn.ocop.platform.event.EventEnvelope
import vn.ocop.platform.event.Ids
import vn.ocop.traceability.ServiceSpec

/** The product copy follows the catalog's ProductPublished snapshots read from the real ocop.catalog stream. */
@MicronautTest(transactional = false)
@Property(name = 'spec.name', value = 'ProductCopySpec')
class ProductCopySpec extends ServiceSpec {

    static final UUID SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b')

    @Inject StatefulRedisConnection<String, String> redis
    @Inject JsonMapper json
    @Inject TransactionOperations<Connection> tx
    @Inject ProductRepository products
    def conditions = new PollingConditions(timeout: 15)

    def "a published product lands in the copy"() {
        given:
        def productId = Ids.newId()
        def publishedAt = Instant.parse('2026-11-20T03:25:07Z')

        when:
        append(snapshot(productId, 1, 'Gạo ST25 Sóc Trăng', '8931234567897', publishedAt))

        then:
        conditions.eventually {
            assert copy(productId) == [product_id : productId.toString(), revision: 1L, seller_id: SELLER.toString(),
                                       seller_name: 'HTX Nông nghiệp Mỹ Xuyên', seller_province_code: '92',
                                       name       : 'Gạo ST25 Sóc Trăng', gtin: '8931234567897', ocop_certificate: null,
                                       ocop_stars : null, ocop_valid_until: null, ocop_revoked: false,
                                       updated_at : publishedAt]
        }
    }

    def "the same event delivered twice is handled once"() {
        given:
        def productId = Ids.newId()
        def envelope = envelope(snapshot(productId, 1, 'Mật ong hoa cà phê', null))

        when:
        2.times { append(envelope) }

        then:
        conditions.eventually {
            assert consumed()
        }
        Infra.count(tx, 'SELECT COUNT(*) FROM inbox WHERE event_id = ?', [envelope.id().toString()]) == 1
        copy(productId).subMap('revision', 'name', 'gtin') == [revision: 1L, name: 'Mật ong hoa cà phê', gtin: null]
    }

    def "a snapshot #situation changes nothing"() {
        given:
        def productId = Ids.newId()

        when:
        append(snapshot(productId, 5, 'Trà Shan tuyết', '8931234567897'))
        append(snapshot(productId, revision, 'Trà Shan tuyết cổ thụ', null))

        then:
        conditions.eventually {
            assert consumed()
        }
        copy(productId).subMap('revision', 'name', 'gtin') == [revision: 5L, name: 'Trà Shan tuyết', gtin: '8931234567897']

        where:
        situation                             | revision
        'older than the copy, arriving later' | 4
        'of the same revision'                | 5
    }

    def "a newer snapshot replaces the copy"() {
        given:
        def productId = Ids.newId()

        when:
        append(snapshot(productId, 1, 'Nước mắm Phú Quốc', null))
        append(snapshot(productId, 2, 'Nước mắm Phú Quốc 40 độ đạm', '6291041500213'))

        then:
        conditions.eventually {
            assert copy(productId)?.subMap('revision', 'name', 'gtin') ==
                    [revision: 2L, name: 'Nước mắm Phú Quốc 40 độ đạm', gtin: '6291041500213']
        }
    }

    def "the approved OCOP certificate comes with the snapshot; its stars count only while valid"() {
        given:
        def productId = Ids.newId()
        def certificate = new ProductPublished.OcopCertificate('OCOP-CT-2024-0123', 4, LocalDate.parse('2024-03-15'),
                LocalDate.parse('2027-03-14'), false)

        when:
        append(snapshot(productId, 1, 'Gạo ST25 Sóc Trăng', null, Instant.now().truncatedTo(ChronoUnit.MICROS), certificate))

        then:
        conditions.eventually {
            assert copy(productId)?.subMap('ocop_certificate', 'ocop_stars', 'ocop_valid_until', 'ocop_revoked') ==
                    [ocop_certificate: 'OCOP-CT-2024-0123', ocop_stars: 4, ocop_valid_until: LocalDate.parse('2027-03-14'),
                     ocop_revoked    : false]
        }
        with(products.findById(productId).orElseThrow()) {
            ocopStarsOn(LocalDate.parse('2027-03-14')) == Optional.of(4)
            ocopStarsOn(LocalDate.parse('2027-03-15')) == Optional.empty()
        }

        when: 'the registry revokes it'
        append(snapshot(productId, 2, 'Gạo ST25 Sóc Trăng', null, Instant.now().truncatedTo(ChronoUnit.MICROS),
                new ProductPublished.OcopCertificate('OCOP-CT-2024-0123', 4, LocalDate.parse('2024-03-15'),
                        LocalDate.parse('2027-03-14'), true)))

        then:
        conditions.eventually {
            assert copy(productId).ocop_revoked == true
        }
        products.findById(productId).orElseThrow().ocopStarsOn(LocalDate.parse('2026-11-23')) == Optional.empty()
    }

    private ProductPublished snapshot(UUID productId, long revision, String name, String gtin,
                                      Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS),
                                      ProductPublished.OcopCertificate certificate = null) {
        new ProductPublished(productId, revision, SELLER, 'HTX Nông nghiệp Mỹ Xuyên', name, gtin,
                [new ProductPublished.Sku(Ids.newId(), 'SKU-5KG', 'Túi 5 kg', 'túi', 180_000L, 5100)], publishedAt, '92',
                'FOOD', certificate)
    }

    private EventEnvelope envelope(ProductPublished snapshot) {
        TestEvents.envelope(json, ProductPublished.TYPE, snapshot.productId().toString(), snapshot, ProductPublished.VERSION)
    }

    private void append(ProductPublished snapshot) {
        append(envelope(snapshot))
    }

    /** As the catalog's outbox relay appends it. */
    private void append(EventEnvelope envelope) {
        TestEvents.append(redis, json, CatalogEvents.STREAM, envelope)
    }

    private Map copy(UUID productId) {
        def rows = Infra.rows(tx, 'SELECT * FROM products WHERE product_id = ?', [productId.toString()])
        rows ? rows.first().collectEntries { k, v -> [k, v instanceof LocalDateTime ? v.toInstant(ZoneOffset.UTC) : v instanceof Timestamp ? v.toInstant() : v instanceof java.sql.Date ? v.toLocalDate() : v] } : null
    }

    /** Every message of the stream was delivered to the service's group and acknowledged. */
    private boolean consumed() {
        def group = redis.sync().xinfoGroups(CatalogEvents.STREAM).collect { it.collate(2).collectEntries() }
                .find { it.name == 'traceability' }
        group != null && group.pending == 0 && (group.lag ?: 0) == 0
    }
}
