package vn.ocop.payments.vnpay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON body of a query to VNPay's merchant API about one payment ({@code vnp_Command=querydr}), as we send it and
 * as the local stand-in reads it. {@code transactionDate} is the payment's {@code vnp_CreateDate} (when the merchant
 * created the pay request, GMT+7), which VNPay matches together with the reference.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record VnPayQueryRequest(
        @JsonProperty("vnp_RequestId") @Nullable String requestId,
        @JsonProperty("vnp_Version") @Nullable String version,
        @JsonProperty("vnp_Command") @Nullable String command,
        @JsonProperty("vnp_TmnCode") @Nullable String tmnCode,
        @JsonProperty("vnp_TxnRef") @Nullable String txnRef,
        @JsonProperty("vnp_OrderInfo") @Nullable String orderInfo,
        @JsonProperty("vnp_TransactionDate") @Nullable String transactionDate,
        @JsonProperty("vnp_CreateDate") @Nullable String createDate,
        @JsonProperty("vnp_IpAddr") @Nullable String ipAddr,
        @JsonProperty("vnp_SecureHash") @Nullable String secureHash) {

    public static final String COMMAND = VnPayApiAnswer.QUERY;

    /** The signed values in VNPay's order: {@code RequestId|Version|Command|TmnCode|TxnRef|TransactionDate|CreateDate|IpAddr|OrderInfo}. */
    public List<String> hashFields() {
        return Arrays.asList(requestId, version, command, tmnCode, txnRef, transactionDate, createDate, ipAddr, orderInfo);
    }

    /** The same request with its signature. */
    public VnPayQueryRequest signedWith(VnPaySigner signer) {
        return new VnPayQueryRequest(requestId, version, command, tmnCode, txnRef, orderInfo, transactionDate, createDate,
                ipAddr, signer.signFields(hashFields()));
    }
}
