package vn.ocop.payments.api;

/** How a buyer pays. Everything but cash on delivery counts as cashless. */
public enum PaymentMethod {
    /** VNPay gateway (cards, bank apps, VNPAY-QR). */
    VNPAY,
    /** Bank transfer to the platform's account by a VietQR (NAPAS 247) code. */
    VIETQR,
    /** International card through Stripe. */
    CARD,
    /** Cash collected by the seller on delivery. */
    COD;

    public boolean cashless() {
        return this != COD;
    }
}
