package vn.ocop.traceability.qr

import java.math.RoundingMode
import java.time.Instant
import spock.lang.Specification
import vn.ocop.traceability.lot.Lot
import vn.ocop.traceability.lot.LotStatus
import vn.ocop.traceability.lot.PublicLinks
import vn.ocop.traceability.product.Product

/** The URIs that labels carry: a lot's and one serialised unit's, GS1 Digital Link with a GTIN, short without. */
class PublicLinksSpec extends Specification {

    static final UUID SELLER = UUID.fromString('0193a3b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b')

    def links = new PublicLinks('https://id.ocop.vn/')

    def "the label of unit #serial of lot #code (GTIN #gtin) carries #uri"() {
        given:
        def lot = lot(code)
        def product = product(gtin)

        expect:
        links.resolver(lot, product, serial) == uri
        uri.startsWith(links.resolver(lot, product) + '/')

        where:
        code          | gtin            | serial         || uri
        'ST25-2611'   | '8931234567897' | '7K3QX9M2ABCD' || 'https://id.ocop.vn/01/08931234567897/10/ST25-2611/21/7K3QX9M2ABCD'
        'ST25/26%1+A' | '8931234567897' | 'S+1/2'        || 'https://id.ocop.vn/01/08931234567897/10/ST25%2F26%251%2BA/21/S%2B1%2F2'
        'ST25-2611'   | '96385074'      | '7K3QX9M2ABCD' || 'https://id.ocop.vn/01/00000096385074/10/ST25-2611/21/7K3QX9M2ABCD'
        'MAT-2611'    | null            | '7K3QX9M2ABCD' || 'https://id.ocop.vn/t/MAT-2611/7K3QX9M2ABCD'
        'MAT/26%1+A'  | null            | 'S+1/2'        || 'https://id.ocop.vn/t/MAT%2F26%251%2BA/S%2B1%2F2'
        'MAT-2611'    | '8931234567896' | '7K3QX9M2ABCD' || 'https://id.ocop.vn/t/MAT-2611/7K3QX9M2ABCD'
    }

    def "a base URL without a trailing slash gives the same URIs"() {
        expect:
        new PublicLinks('https://id.ocop.vn').resolver(lot('L1'), product(null), 'S1') == 'https://id.ocop.vn/t/L1/S1'
        new PublicLinks('https://id.ocop.vn').resolver(lot('L1'), product('8931234567897'), 'S1') ==
                'https://id.ocop.vn/01/08931234567897/10/L1/21/S1'
    }

    private static Lot lot(String code) {
        new Lot(UUID.randomUUID(), code, UUID.randomUUID(), SELLER, null, 10.000G, 10.000G.setScale(3, RoundingMode.UNNECESSARY),
                'kg', null, LotStatus.ACTIVE, Instant.parse('2026-11-02T00:00:00Z'))
    }

    private static Product product(String gtin) {
        new Product(UUID.randomUUID(), 1, SELLER, 'HTX Mỹ Xuyên', 'Gạo ST25', gtin, Instant.parse('2026-11-01T00:00:00Z'))
    }
}
