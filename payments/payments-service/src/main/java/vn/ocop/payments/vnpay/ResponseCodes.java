package vn.ocop.payments.vnpay;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;
import java.util.Locale;

/** Readable texts for VNPay's payment response codes, from the payments message bundle ({@code vnpay.response.<code>}). */
@Singleton
class ResponseCodes {

    private final MessageSource messages;

    ResponseCodes(MessageSource messages) {
        this.messages = messages;
    }

    /** Why a payment failed: the response code's text, or the transaction status when the code itself says 00. */
    String failureReason(VnPayResult result, Locale locale) {
        if (VnPayResult.OK.equals(result.responseCode())) {
            return messages.getMessage("vnpay.status.not_successful", locale, result.transactionStatus())
                    .orElse("VNPay transaction status " + result.transactionStatus());
        }
        return describe(result.responseCode(), locale);
    }

    String describe(String code, Locale locale) {
        if (code != null && code.matches("[0-9A-Za-z]{1,4}")) {
            var known = messages.getMessage("vnpay.response." + code, locale);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return messages.getMessage("vnpay.response.unknown", locale, String.valueOf(code))
                .orElse("VNPay response code " + code);
    }
}
