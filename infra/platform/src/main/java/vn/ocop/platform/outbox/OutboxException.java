package vn.ocop.platform.outbox;

/** The outbox could not be written or relayed. */
public class OutboxException extends RuntimeException {

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
