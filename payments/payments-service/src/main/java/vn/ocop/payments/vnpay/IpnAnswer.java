package vn.ocop.payments.vnpay;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the IPN endpoint answers VNPay (always with HTTP 200): VNPay stops retrying on any code but {@code 99}.
 *
 * @param rspCode {@code 00} recorded, {@code 01} unknown order, {@code 02} already confirmed, {@code 04} wrong amount,
 *                {@code 97} bad signature, {@code 99} unexpected error
 * @param message VNPay's customary text for the code
 */
@Serdeable
record IpnAnswer(@JsonProperty("RspCode") String rspCode, @JsonProperty("Message") String message) {

    static final IpnAnswer CONFIRMED = new IpnAnswer("00", "Confirm Success");
    static final IpnAnswer ORDER_NOT_FOUND = new IpnAnswer("01", "Order not found");
    static final IpnAnswer ALREADY_CONFIRMED = new IpnAnswer("02", "Order already confirmed");
    static final IpnAnswer INVALID_AMOUNT = new IpnAnswer("04", "Invalid amount");
    static final IpnAnswer INVALID_SIGNATURE = new IpnAnswer("97", "Invalid signature");
    static final IpnAnswer UNKNOWN_ERROR = new IpnAnswer("99", "Unknown error");
}
