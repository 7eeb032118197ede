package vn.ocop.payments.card.standin;

/** A request the stand-in refuses as Stripe would: the HTTP status and Stripe's error type, code and message. */
class StandInError extends RuntimeException {

    final int status;
    final String type;
    final String code;

    StandInError(int status, String type, String code, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
    }

    static StandInError invalid(String code, String message) {
        return new StandInError(400, "invalid_request_error", code, message);
    }
}
