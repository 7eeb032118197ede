package vn.ocop.payments.vnpay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON body of a refund request to VNPay's merchant API ({@code vnp_Command=refund}), as we send it and as the local
 * stand-in reads it. Every value is text, as in VNPay's own examples; {@code amount} is whole dong × 100.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record VnPayRefundRequest(
        @JsonProperty("vnp_RequestId") @Nullable String requestId,
        @JsonProperty("vnp_Version") @Nullable String version,
        @JsonProperty("vnp_Command") @Nullable String command,
        @JsonProperty("vnp_TmnCode") @Nullable String tmnCode,
        @JsonProperty("vnp_TransactionType") @Nullable String transactionType,
        @JsonProperty("vnp_TxnRef") @Nullable String txnRef,
        @JsonProperty("vnp_Amount") @Nullable String amount,
        @JsonProperty("vnp_TransactionNo") @Nullable String transactionNo,
        @JsonProperty("vnp_TransactionDate") @Nullable String transactionDate,
        @JsonProperty("vnp_CreateBy") @Nullable String createBy,
        @JsonProperty("vnp_CreateDate") @Nullable String createDate,
        @JsonProperty("vnp_IpAddr") @Nullable String ipAddr,
        @JsonProperty("vnp_OrderInfo") @Nullable String orderInfo,
        @JsonProperty("vnp_SecureHash") @Nullable String secureHash) {

    public static final String COMMAND = "refund";
    public static final String FULL = "02";
    public static final String PARTIAL = "03";

    /**
     * The signed values in VNPay's order: {@code RequestId|Version|Command|TmnCode|TransactionType|TxnRef|Amount|
     * TransactionNo|TransactionDate|CreateBy|CreateDate|IpAddr|OrderInfo}.
     */
    public List<String> hashFields() {
        return Arrays.asList(requestId, version, command, tmnCode, transactionType, txnRef, amount, transactionNo,
                transactionDate, createBy, createDate, ipAddr, orderInfo);
    }

    /** The same request with its signature. */
    public VnPayRefundRequest signedWith(VnPaySigner signer) {
        return new VnPayRefundRequest(requestId, version, command, tmnCode, transactionType, txnRef, amount, transactionNo,
                transactionDate, createBy, createDate, ipAddr, orderInfo, signer.signFields(hashFields()));
    }
}
