package vn.ocop.orders.checkout;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.ocop.catalog.api.CatalogEvents;
import vn.ocop.catalog.api.StockRejected;
import vn.ocop.catalog.api.StockReserved;
import vn.ocop.payments.api.PaymentFailed;
import vn.ocop.payments.api.PaymentSessionOpened;
import vn.ocop.payments.api.PaymentSucceeded;
import vn.ocop.payments.api.PaymentsEvents;
import vn.ocop.payments.api.RefundCompleted;
import vn.ocop.platform.event.EventHandler;

/** The events of catalog and payments that move a checkout along. */
@Factory
class SagaHandlers {

    @Singleton
    EventHandler<StockReserved> onStockReserved(CheckoutSaga saga) {
        return EventHandler.of(CatalogEvents.STREAM, StockReserved.TYPE, StockReserved.class, (e, env) -> saga.stockReserved(e));
    }

    @Singleton
    EventHandler<StockRejected> onStockRejected(CheckoutSaga saga) {
        return EventHandler.of(CatalogEvents.STREAM, StockRejected.TYPE, StockRejected.class, (e, env) -> saga.stockRejected(e));
    }

    @Singleton
    EventHandler<PaymentSessionOpened> onPaymentSessionOpened(CheckoutSaga saga) {
        return EventHandler.of(PaymentsEvents.STREAM, PaymentSessionOpened.TYPE, PaymentSessionOpened.class,
                (e, env) -> saga.paymentOpened(e));
    }

    @Singleton
    EventHandler<PaymentFailed> onPaymentFailed(CheckoutSaga saga) {
        return EventHandler.of(PaymentsEvents.STREAM, PaymentFailed.TYPE, PaymentFailed.class, (e, env) -> saga.paymentFailed(e));
    }

    @Singleton
    EventHandler<PaymentSucceeded> onPaymentSucceeded(CheckoutSaga saga) {
        return EventHandler.of(PaymentsEvents.STREAM, PaymentSucceeded.TYPE, PaymentSucceeded.class,
                (e, env) -> saga.paymentSucceeded(e));
    }

    @Singleton
    EventHandler<RefundCompleted> onRefundCompleted(CheckoutSaga saga) {
        return EventHandler.of(PaymentsEvents.STREAM, RefundCompleted.TYPE, RefundCompleted.class,
                (e, env) -> saga.refundCompleted(e));
    }
}
