package vn.ocop.payments.vietqr;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.notification.ProviderNotification;
import vn.ocop.payments.notification.ProviderNotifications;
import vn.ocop.platform.event.Ids;
import vn.ocop.platform.problem.ProblemException;

/**
 * Receives bank transfer notifications: checks the source's signature over the raw body before reading anything in it,
 * reads and checks the JSON, makes sure the credit is to our collection account, and settles it. Every notification,
 * accepted or not, leaves an audit row with the HTTP status it was answered; refusals change nothing else.
 */
@Singleton
class BankNotifications {

    static final String PROVIDER = "VIETQR";
    /** A notification is a few hundred bytes; anything far larger is not one. */
    static final int MAX_BODY = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(BankNotifications.class);
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final NotificationSignatures signatures;
    private final VietQrConfiguration config;
    private final TransferSettlement settlement;
    private final ProviderNotifications audit;
    private final JsonMapper json;
    private final Clock clock;

    BankNotifications(NotificationSignatures signatures, VietQrConfiguration config, TransferSettlement settlement,
                      ProviderNotifications audit, JsonMapper json, Clock clock) {
        this.signatures = signatures;
        this.config = config;
        this.settlement = settlement;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Settles the notification, or throws the problem to answer: 401 unsigned or not signed by a configured source, 413
     * too large, 400 not JSON, 422 invalid fields or another account credited, 409 a transaction id already notified
     * with other content, 404 no session of ours named (the transfer is kept unmatched all the same).
     */
    TransferAnswer receive(String source, String signature, byte[] body) {
        boolean authentic = false;
        String reference = null;
        String answer = "500";
        try {
            if (source == null || source.isBlank() || signature == null || signature.isBlank()) {
                throw new ProblemException(HttpStatus.UNAUTHORIZED, "unsigned_transfer_notification",
                        "A transfer notification needs the X-VietQR-Source and X-VietQR-Signature headers");
            }
            if (body.length > MAX_BODY) {
                throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "transfer_notification_too_large",
                        "A transfer notification is at most {0} bytes", MAX_BODY);
            }
            authentic = signatures.verify(source, signature, body).isPresent();
            if (!authentic) {
                throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_transfer_signature",
                        "The notification is not signed by a known source");
            }
            TransferNotice.Transfer transfer = read(body).transfer();
            if (!config.accountNumber().equals(transfer.accountNumber())) {
                throw ProblemException.unprocessable("not_collection_account",
                        "Account {0} is not the platform''s collection account", transfer.accountNumber());
            }
            TransferSettlement.Settled settled = settle(source, transfer);
            reference = settled.transfer().txnRef();
            if (settled.session() == null) {
                throw ProblemException.notFound("unknown_payment_reference",
                        "The transfer names no payment of ours; it is kept for an administrator");
            }
            answer = "200";
            return TransferAnswer.of(settled);
        } catch (ProblemException e) {
            answer = Integer.toString(e.status().getCode());
            throw e;
        } finally {
            record(source, reference, body, authentic, answer);
        }
    }

    private TransferNotice read(byte[] body) {
        try {
            TransferNotice notice = json.readValue(body, TransferNotice.class);
            if (notice == null) {
                throw new IOException("empty body");
            }
            return notice;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.badRequest("unreadable_transfer_notification", "The notification is not a JSON transfer notice");
        }
    }

    /** Settles; a copy of the same transfer that committed first makes the transaction fail once, and the retry finds it. */
    private TransferSettlement.Settled settle(String source, TransferNotice.Transfer transfer) {
        try {
            return settlement.settle(source, transfer);
        } catch (DataAccessException e) {
            LOG.info("transfer {} from {} collided with a concurrent copy; settling again", transfer.transactionId(), source);
            return settlement.settle(source, transfer);
        }
    }

    private void record(String source, String reference, byte[] body, boolean authentic, String answer) {
        try {
            String name = source != null && SOURCE_NAME.matcher(source).matches() ? source : "?";
            String text = body.length > MAX_BODY ? "(" + body.length + " bytes, not kept)" : new String(body, StandardCharsets.UTF_8);
            audit.save(new ProviderNotification(Ids.newId(), PROVIDER + ":" + name, reference, text, authentic, answer,
                    clock.instant()));
        } catch (RuntimeException e) {
            LOG.error("cannot keep the audit row of a transfer notification (answered {})", answer, e);
        }
    }
}
