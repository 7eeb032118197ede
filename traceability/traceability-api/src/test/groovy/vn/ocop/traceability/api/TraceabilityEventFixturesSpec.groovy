package vn.ocop.traceability.api

import spock.lang.Specification
import vn.ocop.platform.EventFixtures

/** Every published version of this service's events still reads into the current records. */
class TraceabilityEventFixturesSpec extends Specification {

    def "#fixture reads into #type.simpleName and writes back every field"() {
        when:
        def (written, fixtureFields) = EventFixtures.roundTrip(type, fixture)

        then:
        written == fixtureFields

        where:
        fixture                 || type
        'LotRegistered.v1.json' || LotRegistered
        'LotRecalled.v1.json'   || LotRecalled
        'ScanFlagged.v1.json'   || ScanFlagged
        'LabelsPrinted.v1.json' || LabelsPrinted
    }
}
