package vn.ocop.payments.vietqr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.time.VietnamTime;

/**
 * A source's notification of a credit to the collection account, as JSON:
 * <pre>{"transactionId": "FT25327419051", "amount": 690000, "description": "OCOP 7Q4M2X9PK3L8D2HC",
 *  "accountNumber": "0011001932418", "transferredAt": "2026-11-23T09:15:02+07:00",
 *  "counterAccountNumber": "19036054321012", "counterAccountName": "NGUYEN VAN AN", "counterBank": "Techcombank"}</pre>
 * {@code amount} is whole dong; {@code transferredAt} is ISO-8601, read in Asia/Ho_Chi_Minh when it has no offset; the
 * counter-account fields (the sender, where a refund would go) are optional. Every field is read as given and checked
 * by {@link #transfer()}, so that a missing or wrong one is reported by name.
 */
@Serdeable
record TransferNotice(@Nullable String transactionId, @Nullable BigDecimal amount, @Nullable String description,
                      @Nullable String accountNumber, @Nullable String transferredAt, @Nullable String counterAccountNumber,
                      @Nullable String counterAccountName, @Nullable String counterBank) {

    private static final Pattern TRANSACTION_ID = Pattern.compile("[\\x21-\\x7E]{1,64}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z]{1,32}");
    private static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(1_000_000_000_000L);
    private static final int MAX_DESCRIPTION = 500;
    private static final int MAX_NAME = 200;
    private static final int MAX_BANK = 64;

    /**
     * The transfer, checked.
     *
     * @throws ProblemException 422 naming each missing or invalid field
     */
    Transfer transfer() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (transactionId == null || !TRANSACTION_ID.matcher(transactionId).matches()) {
            errors.add(new Problem.FieldError("transactionId", "required: 1 to 64 printable ASCII characters without spaces"));
        }
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(new Problem.FieldError("amount", "required: a positive whole number of dong"));
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new Problem.FieldError("description", "at most " + MAX_DESCRIPTION + " characters"));
        }
        if (accountNumber == null || !ACCOUNT.matcher(accountNumber).matches()) {
            errors.add(new Problem.FieldError("accountNumber", "required: the credited account, 1 to 32 letters or digits"));
        }
        Instant at = instant(transferredAt);
        if (at == null) {
            errors.add(new Problem.FieldError("transferredAt", "required: an ISO-8601 date and time, e.g. 2026-11-23T09:15:02+07:00"));
        }
        if (counterAccountNumber != null && !ACCOUNT.matcher(counterAccountNumber).matches()) {
            errors.add(new Problem.FieldError("counterAccountNumber", "1 to 32 letters or digits"));
        }
        if (counterAccountName != null && counterAccountName.length() > MAX_NAME) {
            errors.add(new Problem.FieldError("counterAccountName", "at most " + MAX_NAME + " characters"));
        }
        if (counterBank != null && counterBank.length() > MAX_BANK) {
            errors.add(new Problem.FieldError("counterBank", "at most " + MAX_BANK + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_transfer_notification", errors,
                    "The transfer notification has missing or invalid fields");
        }
        return new Transfer(transactionId, amount.longValueExact(), description == null ? "" : description, accountNumber, at,
                counterAccountNumber, counterAccountName, counterBank);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(VietnamTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** A checked transfer notification. */
    record Transfer(String transactionId, long amountVnd, String description, String accountNumber, Instant transferredAt,
                    @Nullable String counterAccountNumber, @Nullable String counterAccountName, @Nullable String counterBank) {
    }
}
