package vn.ocop.payments.payout;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.ocop.payments.ledger.Sql;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.time.VietnamTime;

/** Reads batches back: as JSON for administrators, and as the CSV file a bank imports. */
@Singleton
class PayoutReads {

    /** The bank file's columns. */
    static final String[] HEADER = {"beneficiary_bank_bin_or_wallet", "account_number", "beneficiary_name", "amount_vnd",
        "description"};

    private final Sql sql;

    PayoutReads(Sql sql) {
        this.sql = sql;
    }

    /** A bank file: its name and its text. */
    record CsvFile(String fileName, String text) {
    }

    private record Batch(UUID id, Instant cutoff, int count, long total, UUID requestedBy, Instant createdAt) {
    }

    private record Row(UUID payoutId, UUID sellerId, String reference, long amountVnd, long nettedVnd, PayoutAccount account) {
    }

    @Transactional(readOnly = true)
    PayoutBatchView view(UUID batchId, boolean created) {
        Batch batch = batch(batchId);
        List<PayoutBatchView.Line> lines = rows(batchId).stream().map(r -> new PayoutBatchView.Line(r.payoutId(), r.sellerId(),
                r.reference(), r.amountVnd(), r.nettedVnd(), r.account().method(), r.account().institution(),
                r.account().masked())).toList();
        List<PayoutBatchView.Skip> skips = sql.list("SELECT seller_id, amount_vnd, reason FROM payout_skips WHERE batch_id = ? "
                + "ORDER BY seller_id", rs -> new PayoutBatchView.Skip(Sql.uuid(rs, "seller_id"), rs.getLong("amount_vnd"),
                rs.getString("reason")), batchId);
        return new PayoutBatchView(batch.id(), batch.cutoff(), batch.cutoff().atZone(VietnamTime.ZONE).toOffsetDateTime(),
                batch.count(), batch.total(), batch.requestedBy(), batch.createdAt(), created, lines, skips);
    }

    /**
     * The batch as a bank's bulk-transfer file: RFC 4180 CSV in UTF-8 (commons-csv quotes what needs it), a header row,
     * one row per payout: the bank's BIN or the wallet, the account number, the holder's name in upper case without
     * accents, the amount in whole dong, and a description carrying the payout's reference.
     */
    @Transactional(readOnly = true)
    CsvFile csv(UUID batchId) {
        Batch batch = batch(batchId);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Row r : rows(batchId)) {
                printer.printRecord(r.account().institution(), r.account().account(), r.account().bankHolder(), r.amountVnd(),
                        "OCOP " + r.reference() + " CHI TRA NGUOI BAN");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalDate day = LocalDate.ofInstant(batch.cutoff(), VietnamTime.ZONE);
        return new CsvFile("ocop-payouts-" + day + "-" + batchId.toString().substring(0, 8) + ".csv", out.toString());
    }

    private Batch batch(UUID batchId) {
        return sql.one("SELECT id, cutoff, payouts, total_vnd, requested_by, created_at FROM payout_batches WHERE id = ?",
                rs -> new Batch(Sql.uuid(rs, "id"), Sql.instant(rs, "cutoff"), rs.getInt("payouts"), rs.getLong("total_vnd"),
                        Sql.uuid(rs, "requested_by"), Sql.instant(rs, "created_at")), batchId)
                .orElseThrow(() -> ProblemException.notFound("payout_batch_not_found", "No payout batch {0}", batchId));
    }

    private List<Row> rows(UUID batchId) {
        return sql.list("SELECT id, seller_id, reference, amount_vnd, netted_vnd, method, institution, account, holder "
                        + "FROM payouts WHERE batch_id = ? ORDER BY reference",
                rs -> new Row(Sql.uuid(rs, "id"), Sql.uuid(rs, "seller_id"), rs.getString("reference"), rs.getLong("amount_vnd"),
                        rs.getLong("netted_vnd"), new PayoutAccount(rs.getString("method"), rs.getString("institution"),
                        rs.getString("account"), rs.getString("holder"))), batchId);
    }
}
