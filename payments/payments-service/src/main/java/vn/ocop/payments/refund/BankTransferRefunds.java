package vn.ocop.payments.refund;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.payments.api.PaymentMethod;
import vn.ocop.payments.api.RefundCompleted;
import vn.ocop.payments.ledger.Sql;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.text.SearchKeys;
import vn.ocop.platform.time.VietnamTime;

/**
 * Refunds of VietQR payments, which no provider can give back: an operator of the finance team sends the money by a bank
 * transfer from the platform's account and records here what the bank did. The refunds owed are listed with the payee
 * the payment's bank notifications named ({@code bank_transfers}: the sender's account number, name and bank), and a
 * transfer description carrying the refund's reference ({@link #reference}) for matching the bank statement.
 * <ul>
 *   <li>Recording a transfer ({@link #recordTransfer}) ends the refund SUCCEEDED and puts {@link RefundCompleted} in the
 *       outbox in the same transaction, with the bank's reference as the provider's: the ledger books it from the stream
 *       like any other refund, and orders learns the order was refunded. The same reference again answers the same
 *       result; another reference for a refund already sent is a conflict, and so is a reference another refund has.</li>
 *   <li>Recording a failure ({@link #recordFailure}) ends it FAILED, as a provider's final refusal does: nothing is
 *       published, the money stays with the platform, and, no longer committed, it can be refunded anew (an
 *       administrator's refund) once the buyer gives another account.</li>
 * </ul>
 * The amount is always the refund's own: the operator never types what was owed. Each outcome is kept once per refund
 * in {@code refund_bank_transfers} with the administrator who recorded it and when. The refund's row is locked while
 * its outcome is recorded, so concurrent calls for one refund are decided one after the other.
 */
@Singleton
public class BankTransferRefunds {

    /** A page's size when none is asked for, and at most. */
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** How far ahead of our clock a bank's time of transfer may be (clocks differ a little). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(BankTransferRefunds.class);
    private static final int FILE_PAGE = 500;
    private static final String OWED = "SELECT r.id, r.checkout_id, r.order_id, r.session_id, r.amount_vnd, r.reason, "
            + "r.requested_by, r.requested_at, s.checkout_number, s.txn_ref FROM refunds r "
            + "JOIN payment_sessions s ON s.id = r.session_id WHERE r.state = 'REQUESTED' AND r.method = 'VIETQR' ";

    private final Refunds refunds;
    private final Outbox outbox;
    private final Sql sql;
    private final Clock clock;

    BankTransferRefunds(Refunds refunds, Outbox outbox, Sql sql, Clock clock) {
        this.refunds = refunds;
        this.outbox = outbox;
        this.sql = sql;
        this.clock = clock;
    }

    /** Where the money goes: {@code KNOWN}, or {@code UNKNOWN} / {@code AMBIGUOUS} (the operator must ask the buyer). */
    public enum PayeeStatus { KNOWN, UNKNOWN, AMBIGUOUS }

    /**
     * The buyer's account as the bank notifications gave it.
     *
     * @param note how it was found, or what the operator must do
     */
    @Serdeable
    public record Payee(PayeeStatus status, @Nullable String accountNumber, @Nullable String accountName,
                        @Nullable String bank, String note) {
    }

    /** A credit a bank notified for the refunded payment: the evidence of who paid. */
    @Serdeable
    public record Notified(String source, String transactionId, long amountVnd, String outcome,
                           @Nullable String counterAccountNumber, @Nullable String counterAccountName,
                           @Nullable String counterBank, Instant transferredAt, OffsetDateTime transferredAtLocal) {
    }

    /**
     * A VietQR refund owed, as the operator needs it to make the transfer.
     *
     * @param transferReference   the refund's reference, to put in the transfer and find on the bank statement
     * @param transferDescription the transfer's description: ASCII, the reference and the checkout number
     * @param cause               {@code EXCESS} (a transfer brought more than asked), {@code ADMINISTRATOR}, or
     *                            {@code ORDERS} (a cancellation, or a payment that arrived after it)
     */
    @Serdeable
    public record Owed(UUID refundId, String transferReference, String transferDescription, UUID checkoutId,
                       String checkoutNumber, @Nullable UUID orderId, UUID sessionId, String txnRef, String cause,
                       long amountVnd, String reason, @Nullable UUID requestedBy, Instant requestedAt,
                       OffsetDateTime requestedAtLocal, Payee payee, List<Notified> notifications) {
    }

    /**
     * A page of the refunds owed, oldest request first, with how many are owed in all and their sum; pass
     * {@code nextCursor} as {@code cursor} for the next page (null on the last).
     */
    @Serdeable
    public record OwedPage(long count, long totalVnd, List<Owed> items, @Nullable String nextCursor) {
    }

    /**
     * What the operator reports of a transfer made: the bank's reference, when the bank made it, and (only when the
     * notifications name no single payee, or the buyer gave another account) where the money went. {@code amountVnd},
     * when given, must be the refund's: it is a check of what the operator sees on the statement, never a new amount.
     */
    public record Transfer(String bankReference, Instant transferredAt, @Nullable Long amountVnd,
                           @Nullable String accountNumber, @Nullable String accountName, @Nullable String bank) {
    }

    /** A refund's bank-transfer outcome as recorded: the same answer every time it is asked for again. */
    @Serdeable
    public record Recorded(UUID refundId, UUID checkoutId, String checkoutNumber, @Nullable UUID orderId,
                           PaymentMethod method, long amountVnd, String state, String outcome,
                           @Nullable String bankReference, @Nullable Instant transferredAt,
                           @Nullable OffsetDateTime transferredAtLocal, @Nullable String payeeAccountNumber,
                           @Nullable String payeeAccountName, @Nullable String payeeBank, @Nullable String payeeFrom,
                           @Nullable String failureReason, UUID recordedBy, Instant recordedAt,
                           OffsetDateTime recordedAtLocal) {
    }

    /** The reference of a refund's transfer: {@code HT} ("hoàn tiền") and the refund id in base 36, 27 characters. */
    public static String reference(UUID refundId) {
        return "HT" + RefundRequestIds.base36(refundId);
    }

    /**
     * The description of a refund's transfer, ASCII as banks take it. It never carries the {@code OCOP} marker of our
     * payment references, so a refund the buyer's bank sends back is kept unmatched for an administrator rather than
     * taken for a payment.
     */
    static String description(String checkoutNumber, UUID refundId) {
        String number = SearchKeys.toAscii(checkoutNumber).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]", "");
        return "HOAN TIEN DON " + number + " MA " + reference(refundId);
    }

    /** A page of the VietQR refunds owed, oldest request first. */
    @Transactional(readOnly = true)
    public OwedPage owed(@Nullable String cursor, int limit) {
        var totals = sql.one("SELECT COUNT(*), COALESCE(SUM(amount_vnd), 0) FROM refunds WHERE state = 'REQUESTED' "
                + "AND method = 'VIETQR'", rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElseThrow();
        Page page = page(Cursor.decode(cursor), limit);
        return new OwedPage(totals[0], totals[1], page.items(), page.next() == null ? null : page.next().encode());
    }

    /** Every VietQR refund owed, oldest request first: the rows of the bank file. */
    @Transactional(readOnly = true)
    public List<Owed> allOwed() {
        List<Owed> all = new ArrayList<>();
        Cursor after = null;
        do {
            Page page = page(after, FILE_PAGE);
            all.addAll(page.items());
            after = page.next();
        } while (after != null);
        return all;
    }

    /**
     * Records that the refund was sent by bank transfer: SUCCEEDED and {@link RefundCompleted}, once.
     *
     * @throws ProblemException 404 for an unknown refund; 409 for a refund not of a VietQR payment, one not REQUESTED
     *                          (unless it was sent under this same reference: then the recorded result), or a bank
     *                          reference that records another refund; 422 for an amount other than the refund's, a
     *                          transfer time ahead of now or before the refund was asked for, or no payee to name
     */
    @Transactional
    public Recorded recordTransfer(UUID refundId, Transfer transfer, UUID administrator) {
        Refund refund = lockedBankTransferRefund(refundId);
        String reference = transfer.bankReference().strip();
        Optional<Recorded> replay = replayOrRefuse(refund, RefundState.SUCCEEDED, r -> reference.equals(r.bankReference()));
        if (replay.isPresent()) {
            return replay.get();
        }
        if (transfer.amountVnd() != null && transfer.amountVnd() != refund.amountVnd()) {
            throw ProblemException.unprocessable("refund_transfer_amount_mismatch",
                    "Refund {0} is {1} VND: a transfer of {2} VND does not settle it", refundId, refund.amountVnd(),
                    transfer.amountVnd());
        }
        Instant now = clock.instant();
        if (transfer.transferredAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.unprocessable("refund_transfer_in_future",
                    "A transfer made at {0} is still to come", local(transfer.transferredAt()));
        }
        if (transfer.transferredAt().isBefore(refund.requestedAt())) {
            throw ProblemException.unprocessable("refund_transfer_before_request",
                    "Refund {0} was asked for at {1}: a transfer made at {2}, before it, is not its transfer", refundId,
                    local(refund.requestedAt()), local(transfer.transferredAt()));
        }
        sql.one("SELECT refund_id FROM refund_bank_transfers WHERE bank_reference = ?", rs -> rs.getString(1), reference)
                .ifPresent(other -> {
                    throw referenceUsed(reference, other);
                });
        Account account = account(refund, transfer);
        var completion = refund.transferredByBank(reference, transfer.transferredAt(), now).orElseThrow();
        refunds.update(completion.refund());
        outbox.publish(RefundCompleted.TYPE, RefundCompleted.VERSION, refundId.toString(), completion.event());
        try {
            sql.update("INSERT INTO refund_bank_transfers (refund_id, outcome, amount_vnd, bank_reference, transferred_at, "
                            + "payee_account_number, payee_account_name, payee_bank, payee_from, recorded_by, recorded_at) "
                            + "VALUES (?, 'SENT', ?, ?, ?, ?, ?, ?, ?, ?, ?)", refundId, refund.amountVnd(), reference,
                    transfer.transferredAt(), account.number(), account.name(), account.bank(), account.from(), administrator, now);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLIntegrityConstraintViolationException) {
                throw referenceUsed(reference, "(recorded at the same moment)");
            }
            throw e;
        }
        LOG.info("administrator {} recorded refund {} of {} VND for checkout {} as sent by bank transfer {} at {} to account {} "
                        + "({})", administrator, refundId, refund.amountVnd(), refund.checkoutId(), reference,
                transfer.transferredAt(), account.masked(), account.from());
        return recorded(refundId).orElseThrow();
    }

    /**
     * Records that the refund could not be sent by bank transfer ({@code reason}): FAILED, nothing published.
     *
     * @throws ProblemException 404 for an unknown refund; 409 for a refund not of a VietQR payment, or one not
     *                          REQUESTED (unless this same failure was recorded: then the recorded result)
     */
    @Transactional
    public Recorded recordFailure(UUID refundId, String reason, UUID administrator) {
        Refund refund = lockedBankTransferRefund(refundId);
        String why = reason.strip();
        Optional<Recorded> replay = replayOrRefuse(refund, RefundState.FAILED, r -> why.equals(r.failureReason()));
        if (replay.isPresent()) {
            return replay.get();
        }
        Instant now = clock.instant();
        Refund failed = refund.bankTransferFailed("the bank transfer failed: " + why, now).orElseThrow();
        refunds.update(failed);
        sql.update("INSERT INTO refund_bank_transfers (refund_id, outcome, amount_vnd, failure_reason, recorded_by, recorded_at) "
                + "VALUES (?, 'FAILED', ?, ?, ?, ?)", refundId, refund.amountVnd(), why, administrator, now);
        LOG.error("refund {} of {} VND for checkout {} FAILED: administrator {} recorded that the bank transfer failed: {}",
                refundId, refund.amountVnd(), refund.checkoutId(), administrator, why);
        return recorded(refundId).orElseThrow();
    }

    /**
     * Nothing, for a refund still owed; for one already ended, the earlier record when this call repeats it (the refund
     * ended in {@code repeatedState} and {@code sameCall} holds for its record).
     *
     * @throws ProblemException 409 {@code refund_already_transferred} or {@code refund_already_ended} otherwise
     */
    private Optional<Recorded> replayOrRefuse(Refund refund, RefundState repeatedState, Predicate<Recorded> sameCall) {
        if (refund.state() == RefundState.REQUESTED) {
            return Optional.empty();
        }
        Optional<Recorded> earlier = recorded(refund.id());
        if (refund.state() == repeatedState && earlier.filter(sameCall).isPresent()) {
            return earlier;
        }
        if (earlier.isPresent() && "SENT".equals(earlier.get().outcome())) {
            throw ProblemException.conflict("refund_already_transferred",
                    "Refund {0} was already sent by bank transfer {1}", refund.id(), earlier.get().bankReference());
        }
        throw ProblemException.conflict("refund_already_ended",
                "Refund {0} is already {1}: only a refund still owed can be recorded", refund.id(), refund.state());
    }

    private Refund lockedBankTransferRefund(UUID refundId) {
        Refund refund = refunds.findByIdForUpdate(refundId)
                .orElseThrow(() -> ProblemException.notFound("refund_unknown", "There is no refund {0}", refundId));
        if (refund.method() != PaymentMethod.VIETQR) {
            throw ProblemException.conflict("refund_not_bank_transfer",
                    "Refund {0} gives back a {1} payment through its provider, not by a bank transfer", refundId,
                    refund.method());
        }
        return refund;
    }

    private static ProblemException referenceUsed(String reference, String other) {
        return ProblemException.conflict("refund_bank_reference_used",
                "Bank transfer {0} is already recorded for refund {1}", reference, other);
    }

    /** The account the money went to: the operator's, or else the one the notifications name. */
    private Account account(Refund refund, Transfer transfer) {
        if (transfer.accountNumber() != null && !transfer.accountNumber().isBlank()) {
            if (transfer.bank() == null || transfer.bank().isBlank()) {
                throw ProblemException.invalidField("bank", "required with accountNumber: the bank of the account");
            }
            return new Account(transfer.accountNumber().strip(), blankToNull(transfer.accountName()), transfer.bank().strip(),
                    "OPERATOR");
        }
        Payee payee = payee(refund.id(), notified(List.of(refund.sessionId())).getOrDefault(refund.sessionId(), List.of()));
        if (payee.status() != PayeeStatus.KNOWN) {
            throw ProblemException.unprocessable("refund_payee_unknown",
                    "The bank notifications of checkout {0} name no single account to refund ({1}): give the account the "
                            + "money was sent to (accountNumber, accountName, bank)", refund.checkoutId(), payee.note());
        }
        return new Account(payee.accountNumber(), payee.accountName(), payee.bank(), "NOTIFIED");
    }

    private Optional<Recorded> recorded(UUID refundId) {
        return sql.one("SELECT t.*, r.checkout_id, r.order_id, r.method, r.state, s.checkout_number FROM refund_bank_transfers t "
                        + "JOIN refunds r ON r.id = t.refund_id JOIN payment_sessions s ON s.id = r.session_id WHERE t.refund_id = ?",
                rs -> {
                    Instant transferredAt = Sql.instant(rs, "transferred_at");
                    Instant recordedAt = Sql.instant(rs, "recorded_at");
                    return new Recorded(Sql.uuid(rs, "refund_id"), Sql.uuid(rs, "checkout_id"), rs.getString("checkout_number"),
                            Sql.uuid(rs, "order_id"), PaymentMethod.valueOf(rs.getString("method")), rs.getLong("amount_vnd"),
                            rs.getString("state"), rs.getString("outcome"), rs.getString("bank_reference"), transferredAt,
                            local(transferredAt), rs.getString("payee_account_number"), rs.getString("payee_account_name"),
                            rs.getString("payee_bank"), rs.getString("payee_from"), rs.getString("failure_reason"),
                            Sql.uuid(rs, "recorded_by"), recordedAt, local(recordedAt));
                }, refundId);
    }

    private record Page(List<Owed> items, @Nullable Cursor next) {
    }

    private record OwedRow(UUID id, UUID checkoutId, UUID orderId, UUID sessionId, long amountVnd, String reason,
                           UUID requestedBy, Instant requestedAt, String checkoutNumber, String txnRef) {
    }

    /** A notified transfer of a session, and the refund recorded for its excess if any. */
    private record TransferRow(UUID sessionId, @Nullable UUID refundId, Notified notified) {
    }

    private Page page(@Nullable Cursor after, int limit) {
        List<Object> params = new ArrayList<>();
        String where = "";
        if (after != null) {
            where = "AND (r.requested_at > ? OR (r.requested_at = ? AND r.id > ?)) ";
            params.addAll(List.of(after.requestedAt(), after.requestedAt(), after.id()));
        }
        params.add(limit + 1);
        List<OwedRow> rows = sql.list(OWED + where + "ORDER BY r.requested_at, r.id LIMIT ?",
                rs -> new OwedRow(Sql.uuid(rs, "id"), Sql.uuid(rs, "checkout_id"), Sql.uuid(rs, "order_id"),
                        Sql.uuid(rs, "session_id"), rs.getLong("amount_vnd"), rs.getString("reason"),
                        Sql.uuid(rs, "requested_by"), Sql.instant(rs, "requested_at"), rs.getString("checkout_number"),
                        rs.getString("txn_ref")), params.toArray());
        boolean more = rows.size() > limit;
        List<OwedRow> shown = more ? rows.subList(0, limit) : rows;
        Map<UUID, List<TransferRow>> transfers = notified(shown.stream().map(OwedRow::sessionId).distinct().toList());
        List<Owed> items = shown.stream().map(r -> owed(r, transfers.getOrDefault(r.sessionId(), List.of()))).toList();
        OwedRow last = shown.isEmpty() ? null : shown.getLast();
        return new Page(items, more ? new Cursor(last.requestedAt(), last.id()) : null);
    }

    private static Owed owed(OwedRow r, List<TransferRow> transfers) {
        String cause = r.requestedBy() != null ? "ADMINISTRATOR"
                : transfers.stream().anyMatch(t -> r.id().equals(t.refundId())) ? "EXCESS" : "ORDERS";
        return new Owed(r.id(), reference(r.id()), description(r.checkoutNumber(), r.id()), r.checkoutId(), r.checkoutNumber(),
                r.orderId(), r.sessionId(), r.txnRef(), cause, r.amountVnd(), r.reason(), r.requestedBy(), r.requestedAt(),
                local(r.requestedAt()), payee(r.id(), transfers), transfers.stream().map(TransferRow::notified).toList());
    }

    /** The bank transfers notified for each session, oldest first. */
    private Map<UUID, List<TransferRow>> notified(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(sessionIds.size(), "?"));
        return sql.list("SELECT session_id, refund_id, source, transaction_id, amount_vnd, outcome, counter_account_number, "
                        + "counter_account_name, counter_bank, transferred_at FROM bank_transfers WHERE session_id IN (" + marks
                        + ") ORDER BY received_at, id",
                rs -> {
                    Instant at = Sql.instant(rs, "transferred_at");
                    return new TransferRow(Sql.uuid(rs, "session_id"), Sql.uuid(rs, "refund_id"), new Notified(
                            rs.getString("source"), rs.getString("transaction_id"), rs.getLong("amount_vnd"),
                            rs.getString("outcome"), rs.getString("counter_account_number"), rs.getString("counter_account_name"),
                            rs.getString("counter_bank"), at, local(at)));
                }, sessionIds.toArray()).stream()
                .collect(Collectors.groupingBy(TransferRow::sessionId, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * Who the refund goes to: the sender of the transfer whose excess it refunds; else the one account the payment's
     * transfers came from; else nobody the operator could pay without asking the buyer.
     */
    private static Payee payee(UUID refundId, List<TransferRow> transfers) {
        for (TransferRow t : transfers) {
            if (refundId.equals(t.refundId()) && t.notified().counterAccountNumber() != null) {
                return known(t.notified(), "the sender of transfer " + name(t.notified()) + ", whose excess this refunds");
            }
        }
        Map<String, Notified> accounts = new LinkedHashMap<>();
        for (TransferRow t : transfers) {
            Notified n = t.notified();
            if (n.counterAccountNumber() != null) {
                // the latest transfer from an account speaks for it (its name and bank, when an earlier one left them out)
                accounts.merge(n.counterAccountNumber() + "@" + normalized(n.counterBank()), n,
                        (earlier, later) -> later.counterAccountName() == null && later.counterBank() == null ? earlier : later);
            }
        }
        if (accounts.size() == 1) {
            Notified n = accounts.values().iterator().next();
            String names = transfers.stream().map(t -> name(t.notified())).collect(Collectors.joining(", "));
            return known(n, "the sender of the payment's transfer" + (transfers.size() > 1 ? "s " : " ") + names);
        }
        if (accounts.isEmpty()) {
            return new Payee(PayeeStatus.UNKNOWN, null, null, null, transfers.isEmpty()
                    ? "no bank notification of this payment was kept: contact the buyer for the account to refund to"
                    : "the bank notifications of this payment name no sending account: contact the buyer for the account to "
                    + "refund to");
        }
        return new Payee(PayeeStatus.AMBIGUOUS, null, null, null, "the payment came from " + accounts.size() + " accounts ("
                + accounts.values().stream().map(n -> n.counterAccountNumber() + (n.counterBank() == null ? "" : " " + n.counterBank()))
                .collect(Collectors.joining(", ")) + "): ask the buyer which one to refund to");
    }

    private static Payee known(Notified n, String note) {
        return new Payee(PayeeStatus.KNOWN, n.counterAccountNumber(), n.counterAccountName(), n.counterBank(),
                n.counterBank() == null ? note + "; the notification names no bank: check it with the buyer" : note);
    }

    private static String name(Notified n) {
        return n.source() + "/" + n.transactionId();
    }

    private static String normalized(@Nullable String bank) {
        return bank == null ? "" : SearchKeys.fold(bank).replaceAll("[^a-z0-9]", "");
    }

    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static OffsetDateTime local(@Nullable Instant at) {
        return at == null ? null : at.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

    /** Where the money went, and whether the notifications or the operator said so. */
    private record Account(String number, @Nullable String name, @Nullable String bank, String from) {

        String masked() {
            return "***" + number.substring(Math.max(0, number.length() - 4));
        }
    }

    /** A position in the list: after the refund asked for at {@code requestedAt} with {@code id}. */
    private record Cursor(Instant requestedAt, UUID id) {

        String encode() {
            byte[] text = (requestedAt + " " + id).getBytes(StandardCharsets.UTF_8);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
        }

        static Cursor decode(@Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(" ");
                if (parts.length == 2) {
                    return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // not one of ours
            }
            throw ProblemException.invalidField("cursor", "is not a cursor of this list");
        }
    }
}
