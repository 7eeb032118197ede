package vn.ocop.platform.consumer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the stream consumers ({@code ocop.events.consumer.*}).
 *
 * @param enabled        run consumers in this instance
 * @param batchSize      messages read per {@code XREADGROUP}
 * @param block          how long one {@code XREADGROUP} blocks; also bounds how long a clean stop takes
 * @param claimIdle      a message pending (unacknowledged) longer than this is claimed by another consumer,
 *                       which is also how a failed message is retried
 * @param maxDeliveries  deliveries after which a message goes to the dead-letter stream
 * @param inboxRetention how long handled event ids are kept for de-duplication
 * @param concurrency    how many events of one batch are handled at once (each in its own transaction); events of
 *                       one aggregate are always handled one after the other, in stream order
 */
@ConfigurationProperties("ocop.events.consumer")
public record ConsumerConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "32") int batchSize,
        @Bindable(defaultValue = "1s") Duration block,
        @Bindable(defaultValue = "30s") Duration claimIdle,
        @Bindable(defaultValue = "5") int maxDeliveries,
        @Bindable(defaultValue = "720h") Duration inboxRetention,
        @Bindable(defaultValue = "4") int concurrency) {
}
