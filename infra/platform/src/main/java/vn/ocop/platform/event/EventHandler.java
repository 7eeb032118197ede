package vn.ocop.platform.event;

import java.util.function.BiConsumer;

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

    /**
     * A handler from its parts, for {@code @Factory} methods:
     * {@code EventHandler.of(OrdersEvents.STREAM, OrderPaid.TYPE, OrderPaid.class, (event, envelope) -> ...)}.
     */
    static <T> EventHandler<T> of(String stream, String type, Class<T> payloadType, BiConsumer<T, EventEnvelope> handler) {
        return new EventHandler<>() {
            @Override
            public String stream() {
                return stream;
            }

            @Override
            public String type() {
                return type;
            }

            @Override
            public Class<T> payloadType() {
                return payloadType;
            }

            @Override
            public void handle(T event, EventEnvelope envelope) {
                handler.accept(event, envelope);
            }

            @Override
            public String toString() {
                return "EventHandler[" + stream + "/" + type + "]";
            }
        };
    }
}
