package vn.ocop.payments.session;

import io.micronaut.core.annotation.Nullable;

/**
 * What a provider reported about a payment attempt, as kept on the session.
 *
 * @param transactionNo the provider's transaction number
 * @param responseCode  the provider's response code, e.g. VNPay {@code 00} or {@code 24}
 * @param bankCode      the bank or channel the buyer paid with
 */
public record ProviderResult(@Nullable String transactionNo, @Nullable String responseCode, @Nullable String bankCode) {
}
