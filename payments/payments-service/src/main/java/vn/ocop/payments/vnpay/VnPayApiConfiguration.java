package vn.ocop.payments.vnpay;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;

/**
 * The merchant's side of VNPay's API for querydr and refund ({@code ocop.vnpay.api.*}); the client's timeouts are
 * {@code micronaut.http.services.vnpay-api.*}.
 *
 * @param url      VNPay's {@code .../merchant_webapi/api/transaction} ({@code OCOP_VNPAY_API_URL}); when empty it is
 *                 derived from the pay URL ({@code <base>/paymentv2/vpcpay.html} gives
 *                 {@code <base>/merchant_webapi/api/transaction}), which is right for VNPay's sandbox and for the local
 *                 stand-in; production, whose pay page lives on another host, sets it
 * @param createBy {@code vnp_CreateBy}: who asks for refunds
 * @param serverIp {@code vnp_IpAddr} of API calls, this server's address; {@code ocop.vnpay.fallback-ip} when unset
 */
@ConfigurationProperties("ocop.vnpay.api")
public record VnPayApiConfiguration(
        @Nullable String url,
        @Bindable(defaultValue = "ocop-payments") @NotBlank String createBy,
        @Nullable String serverIp) {

    static final String PAY_PAGE = "/paymentv2/vpcpay.html";
    static final String API_PATH = "/merchant_webapi/api/transaction";

    /**
     * The API's address: {@link #url}, or the one beside {@code payUrl}.
     *
     * @throws IllegalStateException when neither gives one
     */
    URI endpoint(String payUrl) {
        if (url != null && !url.isBlank()) {
            return URI.create(url.strip());
        }
        if (payUrl.endsWith(PAY_PAGE)) {
            return URI.create(payUrl.substring(0, payUrl.length() - PAY_PAGE.length()) + API_PATH);
        }
        throw new IllegalStateException("cannot derive VNPay's API URL from the pay URL " + payUrl
                + ": set OCOP_VNPAY_API_URL (ocop.vnpay.api.url) to VNPay's .../merchant_webapi/api/transaction");
    }
}
