package vn.ocop.payments.vietqr;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The platform's VietQR collection account and where its QR images are served ({@code ocop.vietqr.*}, from
 * {@code OCOP_VIETQR_*} in the environment). Notification sources are configured apart, under
 * {@code ocop.vietqr.sources.<name>} ({@link NotificationSource}).
 *
 * @param bankBin       the account's bank, by its 6-digit NAPAS BIN (e.g. 970436 for Vietcombank)
 * @param accountNumber the account that collects the transfers
 * @param accountName   the account holder's name as the bank shows it, for the buyer to check before paying
 * @param qrBaseUrl     the address at which buyers reach this service: QR images are served under it
 */
@ConfigurationProperties("ocop.vietqr")
public record VietQrConfiguration(
        @NotBlank @Pattern(regexp = "[0-9]{6}") String bankBin,
        @NotBlank @Pattern(regexp = "[0-9A-Za-z]{1,19}") String accountNumber,
        @NotBlank String accountName,
        @NotBlank String qrBaseUrl) {

    /** The URL of a session's QR image. */
    String qrImageUrl(String txnRef) {
        return (qrBaseUrl.endsWith("/") ? qrBaseUrl.substring(0, qrBaseUrl.length() - 1) : qrBaseUrl)
                + "/payments/vietqr/" + txnRef + "/qr.png";
    }
}
