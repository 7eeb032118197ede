package vn.ocop.payments.admin;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.ocop.payments.refund.BankTransferRefunds.Owed;
import vn.ocop.platform.text.SearchKeys;
import vn.ocop.platform.time.VietnamTime;

/**
 * The VietQR refunds owed as a bank's bulk-transfer file, written as the payout export writes its own: RFC 4180 CSV in
 * UTF-8 (commons-csv quotes what needs it), a header row, one row per refund. The first five columns are what a bank's
 * import takes (the payee's bank as the notification named it, account number, holder's name in upper case without
 * accents, amount in whole dong, and the transfer's description carrying the refund's reference); the rest are for the
 * operator: the refund's id (to record the transfer with), its reference, checkout number, reason, when it was asked for
 * in Viet Nam's time, and whether the payee is known ({@code payee_status}, with {@code payee_note} saying what to do
 * when it is not: such a row has no account, and the operator contacts the buyer). Text a spreadsheet would read as a
 * formula (it starts with {@code = + - @}, a tab or a carriage return) is written after a {@code '}.
 */
final class RefundTransferCsv {

    static final String[] HEADER = {"beneficiary_bank", "account_number", "beneficiary_name", "amount_vnd", "description",
        "refund_id", "reference", "checkout_number", "reason", "requested_at_local", "payee_status", "payee_note"};
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RefundTransferCsv() {
    }

    static String fileName(Instant at) {
        return "ocop-refunds-bank-transfers-" + FILE_TIME.format(at.atZone(VietnamTime.ZONE)) + ".csv";
    }

    static String write(List<Owed> refunds) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Owed r : refunds) {
                var payee = r.payee();
                printer.printRecord(inert(payee.bank()), inert(payee.accountNumber()), holder(payee.accountName()), r.amountVnd(),
                        r.transferDescription(), r.refundId(), r.transferReference(), inert(r.checkoutNumber()), inert(r.reason()),
                        r.requestedAtLocal(), payee.status(), inert(payee.note()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The holder's name as a bank file wants it: upper case, no accents ("Nguyễn Văn An" gives "NGUYEN VAN AN"). */
    private static String holder(String name) {
        if (name == null) {
            return null;
        }
        return SearchKeys.toAscii(name).strip().toUpperCase(Locale.ROOT).replaceFirst("^[=+\\-@\\s]+", "");
    }

    private static String inert(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
