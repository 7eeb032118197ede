package vn.ocop.payments.vnpay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON answer of VNPay's merchant API (querydr, refund), as the local stand-in writes it and we read it. Values are
 * text; a number VNPay may send (e.g. {@code vnp_Amount}) is read as its digits.
 *
 * <p>Signature of a refund answer: DOMAIN.md lists only querydr's answer fields ({@code ResponseId|Command|ResponseCode|
 * Message|TmnCode|TxnRef|Amount|BankCode|PayDate|TransactionNo|TransactionType|TransactionStatus|OrderInfo|
 * PromotionCode|PromotionAmount}). A refund answer is signed in the same style, over the same fields but the two
 * promotion ones, which a refund answer does not carry: {@link #refundHashFields}. That is also the list public VNPay
 * client libraries use for refunds, but it has not been checked against VNPay itself; check it against VNPay's merchant
 * documentation before going live (a mismatch shows as every refund answer refused as unsigned, never as a refund
 * wrongly taken for done).
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record VnPayApiAnswer(
        @JsonProperty("vnp_ResponseId") @Nullable String responseId,
        @JsonProperty("vnp_Command") @Nullable String command,
        @JsonProperty("vnp_ResponseCode") @Nullable String responseCode,
        @JsonProperty("vnp_Message") @Nullable String message,
        @JsonProperty("vnp_TmnCode") @Nullable String tmnCode,
        @JsonProperty("vnp_TxnRef") @Nullable String txnRef,
        @JsonProperty("vnp_Amount") @Nullable String amount,
        @JsonProperty("vnp_BankCode") @Nullable String bankCode,
        @JsonProperty("vnp_PayDate") @Nullable String payDate,
        @JsonProperty("vnp_TransactionNo") @Nullable String transactionNo,
        @JsonProperty("vnp_TransactionType") @Nullable String transactionType,
        @JsonProperty("vnp_TransactionStatus") @Nullable String transactionStatus,
        @JsonProperty("vnp_OrderInfo") @Nullable String orderInfo,
        @JsonProperty("vnp_PromotionCode") @Nullable String promotionCode,
        @JsonProperty("vnp_PromotionAmount") @Nullable String promotionAmount,
        @JsonProperty("vnp_SecureHash") @Nullable String secureHash) {

    /** A query's answer ({@code vnp_Command=querydr}). */
    public static final String QUERY = "querydr";

    /** The signed values of a refund answer, in order (see the class comment). */
    public List<String> refundHashFields() {
        return Arrays.asList(responseId, command, responseCode, message, tmnCode, txnRef, amount, bankCode, payDate,
                transactionNo, transactionType, transactionStatus, orderInfo);
    }

    /**
     * The signed values of a querydr answer, in DOMAIN.md's order: {@code ResponseId|Command|ResponseCode|Message|
     * TmnCode|TxnRef|Amount|BankCode|PayDate|TransactionNo|TransactionType|TransactionStatus|OrderInfo|PromotionCode|
     * PromotionAmount}.
     */
    public List<String> queryHashFields() {
        return Arrays.asList(responseId, command, responseCode, message, tmnCode, txnRef, amount, bankCode, payDate,
                transactionNo, transactionType, transactionStatus, orderInfo, promotionCode, promotionAmount);
    }

    /** The same answer with its signature, over the fields of its command (querydr's, or a refund's). */
    public VnPayApiAnswer signedWith(VnPaySigner signer) {
        return new VnPayApiAnswer(responseId, command, responseCode, message, tmnCode, txnRef, amount, bankCode, payDate,
                transactionNo, transactionType, transactionStatus, orderInfo, promotionCode, promotionAmount,
                signer.signFields(QUERY.equals(command) ? queryHashFields() : refundHashFields()));
    }
}
