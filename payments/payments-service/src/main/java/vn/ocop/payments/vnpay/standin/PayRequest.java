package vn.ocop.payments.vnpay.standin;

import java.time.Instant;
import java.util.Map;

/**
 * A merchant's pay request the stand-in accepted: its verified parameters and when it stops being payable.
 *
 * @param params    the request's parameters
 * @param expiresAt {@code vnp_ExpireDate}
 */
record PayRequest(Map<String, String> params, Instant expiresAt) {

    PayRequest {
        params = Map.copyOf(params);
    }

    String txnRef() {
        return params.get("vnp_TxnRef");
    }

    long amountVnd() {
        return Long.parseLong(params.get("vnp_Amount")) / 100;
    }

    boolean english() {
        return "en".equals(params.get("vnp_Locale"));
    }
}
