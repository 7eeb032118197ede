package vn.ocop.payments.vnpay.standin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpParameters;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.payments.vnpay.VnPayConfiguration;
import vn.ocop.payments.vnpay.VnPayDates;
import vn.ocop.payments.vnpay.VnPayParameters;
import vn.ocop.payments.vnpay.VnPaySigner;

/** Checks a pay request as VNPay's payment page does: our signature with the merchant's secret, the merchant, the fields. */
@Singleton
@Requires(property = StandInConfiguration.ENABLED, value = StringUtils.TRUE)
class PayRequestChecks {

    /** A pay request, or why the stand-in refuses it ({@code format}, {@code signature}, {@code merchant}, {@code expired}). */
    record Checked(Optional<PayRequest> request, String refusal) {

        static Checked refused(String refusal) {
            return new Checked(Optional.empty(), refusal);
        }
    }

    private static final List<String> REQUIRED = List.of("vnp_TxnRef", "vnp_OrderInfo", "vnp_OrderType", "vnp_Locale",
            "vnp_ReturnUrl", "vnp_IpAddr", "vnp_CreateDate", "vnp_ExpireDate");

    private final VnPaySigner signer;
    private final VnPayConfiguration merchant;
    private final Clock clock;

    PayRequestChecks(VnPaySigner signer, VnPayConfiguration merchant, Clock clock) {
        this.signer = signer;
        this.merchant = merchant;
        this.clock = clock;
    }

    Checked check(HttpParameters parameters) {
        Optional<Map<String, String>> single = VnPayParameters.of(parameters);
        if (single.isEmpty()) {
            return Checked.refused("format");
        }
        Map<String, String> params = single.get();
        if (!signer.verify(params)) {
            return Checked.refused("signature");
        }
        if (!merchant.tmnCode().equals(params.get("vnp_TmnCode"))) {
            return Checked.refused("merchant");
        }
        Optional<Instant> expiresAt = VnPayDates.parse(params.get("vnp_ExpireDate"));
        if (!wellFormed(params) || expiresAt.isEmpty()) {
            return Checked.refused("format");
        }
        if (!expiresAt.get().isAfter(clock.instant())) {
            return Checked.refused("expired");
        }
        return new Checked(Optional.of(new PayRequest(params, expiresAt.get())), "");
    }

    private static boolean wellFormed(Map<String, String> params) {
        String amount = params.getOrDefault("vnp_Amount", "");
        return "2.1.0".equals(params.get("vnp_Version"))
                && "pay".equals(params.get("vnp_Command"))
                && "VND".equals(params.get("vnp_CurrCode"))
                && !params.containsKey(VnPaySigner.SECURE_HASH_TYPE)
                && amount.matches("[1-9][0-9]{0,15}00")
                && REQUIRED.stream().allMatch(name -> !params.getOrDefault(name, "").isBlank())
                && VnPayDates.parse(params.get("vnp_CreateDate")).isPresent();
    }
}
