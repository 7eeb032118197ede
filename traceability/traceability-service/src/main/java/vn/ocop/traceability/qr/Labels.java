package vn.ocop.traceability.qr;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.ProblemException;
import vn.ocop.platform.security.Caller;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.time.VietnamTime;
import vn.ocop.traceability.api.LabelsPrinted;
import vn.ocop.traceability.lot.LotLookup;
import vn.ocop.traceability.lot.LotProblems;
import vn.ocop.traceability.lot.LotStatus;
import vn.ocop.traceability.lot.PublicLinks;
import vn.ocop.traceability.lot.TracedLot;
import vn.ocop.traceability.product.Product;

/**
 * The labels of a lot to print: copies of the lot's label, or the labels of its units numbered {@code from} to
 * {@code to}. Only the lot's seller, an officer of the seller's province and admins print them, since units' serial
 * numbers are not public until they are on a bag. Nobody prints labels for a recalled lot.
 *
 * <p>A sheet is made in three steps, so that no transaction is held while the PDF is drawn: {@link #of} checks the
 * request and reads the labels (a refused request ends there), the caller renders them, then {@link #printed} announces
 * the sheet with {@link LabelsPrinted} through the outbox, with the lot locked and checked again, so that a recall
 * committed in between refuses the sheet (409) instead of announcing it.
 */
@Singleton
class Labels {

    /** A lot's label printed when no count and no range is asked for: one sheet. */
    static final int DEFAULT_COPIES = LabelSheet.PER_PAGE;

    private final LotLookup lookup;
    private final LabelSerials serials;
    private final PublicLinks links;
    private final Outbox outbox;
    private final Clock clock;
    private final int maxLabels;

    Labels(LotLookup lookup, LabelSerials serials, PublicLinks links, Outbox outbox, Clock clock,
           @Value("${ocop.traceability.labels.max-per-request:500}") int maxLabels) {
        this.lookup = lookup;
        this.serials = serials;
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
        this.maxLabels = maxLabels;
    }

    /** What was asked: a number of copies of the lot's label, or a range of its units' ordinals. */
    record Request(@Nullable Integer copies, @Nullable Integer from, @Nullable Integer to) {
    }

    /** The labels of the lot, with the lot (for the sheet's name). */
    record Sheet(TracedLot lot, List<Label> labels) {

        /** Whether these are the labels of serialised units (each its own code) rather than copies of the lot's. */
        boolean serials() {
            return labels.stream().anyMatch(label -> label.serial() != null);
        }
    }

    @Transactional(readOnly = true)
    Sheet of(String code, Caller caller, Request request) {
        TracedLot traced = lookup.byCode(code).orElseThrow(() -> LotProblems.notFound(code));
        requirePrinter(traced, caller);
        refuseIfRecalled(traced);
        Product product = traced.product();
        Integer stars = product.ocopStarsOn(LocalDate.now(clock.withZone(VietnamTime.ZONE))).orElse(null);
        if (request.from() == null && request.to() == null) {
            int copies = request.copies() == null ? DEFAULT_COPIES : request.copies();
            requireAtMostMax(copies);
            Label label = new Label(product.name(), traced.lot().code(), stars, null, links.resolver(traced.lot(), product));
            return new Sheet(traced, Collections.nCopies(copies, label));
        }
        int from = bound("from", request.from(), request.copies());
        int to = bound("to", request.to(), request.copies());
        if (from > to) {
            throw ProblemException.invalidField("to", "must not be less than from");
        }
        requireAtMostMax(to - from + 1);
        int last = serials.lastOrdinal(traced.lot().id());
        if (to > last) {
            throw last == 0
                    ? ProblemException.unprocessable("lot_has_no_serials", "Lot {0} has no serial numbers to print", code)
                    : ProblemException.unprocessable("serial_range_outside_lot",
                            "Lot {0} has serial numbers 1 to {1}: there are none numbered {2} to {3}", code, last, from, to);
        }
        List<Label> labels = serials.range(traced.lot().id(), from, to).stream()
                .map(s -> new Label(product.name(), traced.lot().code(), stars, s.serial(),
                        links.resolver(traced.lot(), product, s.serial())))
                .toList();
        if (labels.size() != to - from + 1) {
            // packing numbers a lot's units 1, 2, 3... without gaps; a gap means the table was changed by hand
            throw new IllegalStateException("lot " + code + " has " + labels.size() + " serials numbered " + from + " to " + to);
        }
        return new Sheet(traced, labels);
    }

    /**
     * Announces a sheet made by {@link #of} and rendered: {@link LabelsPrinted}, with the lot locked (as recalls lock
     * it) and still not recalled.
     *
     * @throws ProblemException 409 {@code lot_recalled} when the lot was recalled since the sheet was read
     */
    @Transactional
    void printed(Sheet sheet) {
        String code = sheet.lot().lot().code();
        TracedLot traced = lookup.lockByCodes(List.of(code)).stream().findFirst().orElseThrow(() -> LotProblems.notFound(code));
        refuseIfRecalled(traced);
        outbox.publish(LabelsPrinted.TYPE, LabelsPrinted.VERSION, traced.lot().id().toString(), new LabelsPrinted(
                traced.lot().id(), code, traced.lot().productId(), traced.lot().sellerId(), sheet.labels().size(),
                sheet.serials(), clock.instant()));
    }

    private static void refuseIfRecalled(TracedLot traced) {
        if (traced.lot().status() == LotStatus.RECALLED) {
            throw ProblemException.conflict("lot_recalled", "Lot {0} was recalled: no labels are printed for it",
                    traced.lot().code());
        }
    }

    /** The lot's seller, an officer of the seller's province, or an admin. */
    private static void requirePrinter(TracedLot traced, Caller caller) {
        if (caller.has(Roles.ADMIN) || traced.lot().isOwnedBy(caller.accountId())) {
            return;
        }
        String province = caller.officerProvince().orElse(null);
        if (province == null) {
            throw LotProblems.notYours(traced.lot().code());
        }
        if (!province.equals(traced.product().sellerProvinceCode())) {
            throw ProblemException.forbidden("lot_other_province",
                    "Lot {0} is of a seller outside province {1}: only that province''s officers print its labels",
                    traced.lot().code(), province);
        }
    }

    private void requireAtMostMax(int count) {
        if (count > maxLabels) {
            throw ProblemException.unprocessable("too_many_labels",
                    "{0} labels asked for; a sheet holds at most {1} labels per request", count, maxLabels);
        }
    }

    /** A bound of a range: both bounds are needed, and a range does not go with a number of copies. */
    private static int bound(String name, @Nullable Integer value, @Nullable Integer copies) {
        if (copies != null) {
            throw ProblemException.invalidField("copies", "cannot be combined with a range of serial numbers (from, to)");
        }
        if (value == null) {
            throw ProblemException.invalidField(name, "is needed with the other end of the range");
        }
        return value;
    }
}
