package vn.ocop.catalog.api

import java.time.Instant
import java.time.LocalDate
import spock.lang.Specification

/** The OCOP group came later: callers that build a snapshot without it (other services' specs) still can. */
class ProductPublishedSpec extends Specification {

    def "a snapshot built the old way, without the group, has none; the canonical one carries it"() {
        given:
        UUID productId = UUID.randomUUID()
        UUID sellerId = UUID.randomUUID()
        def skus = [new ProductPublished.Sku(UUID.randomUUID(), 'ST25-5KG', 'Túi 5 kg', 'túi', 220_000, 5000)]
        def at = Instant.parse('2026-11-20T03:20:00Z')

        expect:
        new ProductPublished(productId, 3, sellerId, 'Gạo Ông Cua', 'Gạo ST25', null, skus, at, '92').ocopGroup() == null
        new ProductPublished(productId, 3, sellerId, 'Gạo Ông Cua', 'Gạo ST25', null, skus, at, '92', 'FOOD').ocopGroup() == 'FOOD'
        ProductPublished.OCOP_GROUPS == ['FOOD', 'BEVERAGES', 'HERBAL', 'HANDICRAFTS', 'ORNAMENTALS', 'TOURISM']
    }

    def "a certificate is valid until the end of its last day and never once revoked"() {
        given:
        def certificate = new ProductPublished.OcopCertificate('OCOP-CT-2024-0123', 5, LocalDate.parse('2024-03-15'),
                LocalDate.parse('2027-03-14'), revoked)

        expect:
        certificate.validOn(LocalDate.parse(day)) == valid

        where:
        day          | revoked || valid
        '2027-03-14' | false   || true
        '2027-03-15' | false   || false
        '2026-11-23' | true    || false
    }
}
