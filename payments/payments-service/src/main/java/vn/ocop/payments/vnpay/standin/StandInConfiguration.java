package vn.ocop.payments.vnpay.standin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.validation.constraints.NotBlank;

/**
 * Settings of the local VNPay stand-in ({@code ocop.vnpay.standin.*}); it exists only with {@code enabled: true}.
 *
 * @param enabled serve the stand-in in this instance (never in production)
 * @param ipnUrl  the merchant's IPN URL, which VNPay keeps in its merchant settings rather than in the pay request
 */
@ConfigurationProperties("ocop.vnpay.standin")
@Requires(property = StandInConfiguration.ENABLED, value = StringUtils.TRUE)
record StandInConfiguration(boolean enabled, @NotBlank String ipnUrl) {

    static final String ENABLED = "ocop.vnpay.standin.enabled";
}
