package vn.ocop.platform.event;

/**
 * Thrown by a handler (or the platform) when retrying cannot help, e.g. a payload that does not deserialize:
 * the message goes to the dead-letter stream at once instead of after the configured number of deliveries.
 */
public class NonRetryableEventException extends RuntimeException {

    public NonRetryableEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public NonRetryableEventException(String message) {
        super(message);
    }
}
