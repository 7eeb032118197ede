package vn.ocop.payments.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * One notification received from a provider, valid or not, and what we answered: the audit trail of VNPay's IPNs and
 * of bank transfer notifications.
 *
 * @param provider   {@code VNPAY}, or {@code VIETQR:<source>} for a bank transfer notification
 * @param rawQuery   what was received, exactly: VNPay's query string, a bank notification's JSON body
 * @param answerCode what we answered: VNPay's {@code RspCode}, or the HTTP status given to a bank notification
 */
@MappedEntity("provider_notifications")
public record ProviderNotification(@Id UUID id, String provider, @Nullable String txnRef, String rawQuery,
                                   boolean signatureValid, String answerCode, Instant receivedAt) {
}
