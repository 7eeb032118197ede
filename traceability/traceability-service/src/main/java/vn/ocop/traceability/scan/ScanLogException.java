package vn.ocop.traceability.scan;

/** The scan log could not write a batch (the database refused or is away); the batch is retried. */
final class ScanLogException extends RuntimeException {

    ScanLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
