package vn.ocop.payments.vnpay;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * One notification received from a provider, valid or not, and what we answered: the audit trail of IPNs.
 *
 * @param rawQuery the query string exactly as received
 */
@MappedEntity("provider_notifications")
record ProviderNotification(@Id UUID id, String provider, @Nullable String txnRef, String rawQuery, boolean signatureValid,
                            String answerCode, Instant receivedAt) {
}
