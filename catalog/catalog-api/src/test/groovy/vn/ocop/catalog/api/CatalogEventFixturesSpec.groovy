package vn.ocop.catalog.api

import spock.lang.Specification
import vn.ocop.platform.EventFixtures

/** Every published version of this service's events still reads into the current records. */
class CatalogEventFixturesSpec extends Specification {

    def "#fixture reads into #type.simpleName and writes back every field"() {
        when:
        def (written, fixtureFields) = EventFixtures.roundTrip(type, fixture)

        then:
        written == fixtureFields

        where:
        fixture                     || type
        'ProductPublished.v1.json'  || ProductPublished
        'ProductPublished.v1-ocop-group.json' || ProductPublished
        'ProductPublished.v1-ocop-certificate.json' || ProductPublished
        'StockReserved.v1.json'     || StockReserved
        'StockRejected.v1.json'     || StockRejected
        'StockCommitted.v1.json'    || StockCommitted
        'ProductSuspended.v1.json'  || ProductSuspended
        'SkuPriceChanged.v1.json'   || SkuPriceChanged
        'StockAdjusted.v1.json'     || StockAdjusted
        'StockReleased.v1.json'     || StockReleased
        'DelegationChanged.v1.json' || DelegationChanged
        'AdminUnitsPublished.v1.json' || AdminUnitsPublished
        'SellerPayoutAccountChanged.v1.json' || SellerPayoutAccountChanged
    }
}
