package vn.ocop.payments.api

import spock.lang.Specification
import vn.ocop.platform.EventFixtures

/** Every published version of this service's events still reads into the current records. */
class PaymentsEventFixturesSpec extends Specification {

    def "#fixture reads into #type.simpleName and writes back every field"() {
        when:
        def (written, fixtureFields) = EventFixtures.roundTrip(type, fixture)

        then:
        written == fixtureFields

        where:
        fixture                         || type
        'PaymentSessionOpened.v1.json' || PaymentSessionOpened
        'PaymentSucceeded.v1.json'     || PaymentSucceeded
        'PaymentFailed.v1.json'        || PaymentFailed
        'RefundCompleted.v1.json'      || RefundCompleted
        'PayoutPaid.v1.json'           || PayoutPaid
    }
}
