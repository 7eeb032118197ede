package vn.ocop.orders.api

import spock.lang.Specification
import vn.ocop.platform.EventFixtures

/** Every published version of this service's events still reads into the current records. */
class OrdersEventFixturesSpec extends Specification {

    def "#fixture reads into #type.simpleName and writes back every field"() {
        when:
        def (written, fixtureFields) = EventFixtures.roundTrip(type, fixture)

        then:
        written == fixtureFields

        where:
        fixture                            || type
        'CheckoutPlaced.v1.json'           || CheckoutPlaced
        'CheckoutAwaitingPayment.v1.json'  || CheckoutAwaitingPayment
        'CheckoutRejected.v1.json'         || CheckoutRejected
        'OrderPaid.v1.json'                || OrderPaid
        'CheckoutCancelled.v1.json'        || CheckoutCancelled
        'OrderConfirmed.v1.json'           || OrderConfirmed
        'OrderCancelled.v1.json'           || OrderCancelled
        'RefundRequested.v1.json'          || RefundRequested
        'OrderShipped.v1.json'             || OrderShipped
        'OrderDelivered.v1.json'           || OrderDelivered
        'OrderCompleted.v1.json'           || OrderCompleted
    }
}
