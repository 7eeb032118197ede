package vn.ocop.platform.event;

/**
 * A bean that handles one event type from one stream. The platform calls {@link #handle} inside a database
 * transaction that also records the event id in the service's inbox, so a redelivered event is not handled
 * twice; the message is acknowledged only after that transaction commits. A handler that throws is retried
 * and, after the configured number of deliveries, moved to the dead-letter stream.
 *
 * <p>One handler per stream and type in a service.
 *
 * @param <T> the payload record
 */
public interface EventHandler<T> {

    /** The producing service's stream, e.g. {@code ocop.orders}. */
    String stream();

    /** The event type, e.g. {@code CheckoutPlaced}. */
    String type();

    /** The record the envelope's {@code data} is read into. */
    Class<T> payloadType();

    void handle(T event, EventEnvelope envelope);
}
