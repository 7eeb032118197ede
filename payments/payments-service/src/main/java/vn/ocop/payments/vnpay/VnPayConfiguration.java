package vn.ocop.payments.vnpay;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * The merchant's VNPay settings ({@code ocop.vnpay.*}, from {@code OCOP_VNPAY_*} in the environment).
 *
 * @param tmnCode    the merchant's terminal code ({@code vnp_TmnCode}), 8 characters
 * @param hashSecret the merchant's HMAC-SHA512 secret
 * @param payUrl     VNPay's payment page ({@code .../paymentv2/vpcpay.html})
 * @param returnUrl  where VNPay sends the buyer's browser back after paying
 * @param fallbackIp {@code vnp_IpAddr} when the buyer's address is unknown
 */
@ConfigurationProperties("ocop.vnpay")
public record VnPayConfiguration(
        @NotBlank String tmnCode,
        @NotBlank String hashSecret,
        @NotBlank String payUrl,
        @NotBlank String returnUrl,
        @Bindable(defaultValue = "127.0.0.1") String fallbackIp) {

    /** Keeps the secret out of logs and error messages. */
    @Override
    public String toString() {
        return "VnPayConfiguration[tmnCode=" + tmnCode + ", payUrl=" + payUrl + ", returnUrl=" + returnUrl
                + ", fallbackIp=" + fallbackIp + ", hashSecret=(hidden)]";
    }
}
